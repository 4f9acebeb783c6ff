//! Converting a plain database to an encrypted one in place, and changing its passphrase: the
//! dossiers and the audit chain come through, and the old way in no longer opens it.

use crate::common::*;
use wederhoor_store::cipher::{self, Passphrase};
use wederhoor_store::{audit, demo, dossiers, Db, Error};

#[tokio::test]
async fn a_plain_database_is_encrypted_in_place_and_its_passphrase_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let db = Db::open(&path).await.unwrap();
    demo::ensure_demo(&db, &actor()).await.unwrap();
    let key = Passphrase::new("eerste wachtwoordzin").unwrap();

    cipher::encrypt(db, &path, &key, &actor()).await.unwrap();
    assert!(
        cipher::is_encrypted(&path),
        "the file itself is encrypted now"
    );
    assert!(
        matches!(Db::open(&path).await, Err(Error::Locked(_))),
        "without the passphrase it does not open"
    );
    let db = Db::open_with(&path, Some(&key)).await.unwrap();
    assert_eq!(
        dossiers::list(db.pool()).await.unwrap().len(),
        1,
        "the demo came through"
    );
    let verification = audit::verify(db.pool()).await.unwrap();
    assert!(verification.first_break.is_none(), "and the chain with it");
    let (action,): (String,) =
        sqlx::query_as("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!(action, "passphrase.set", "the encryption is logged");
    db.close().await;

    let new = Passphrase::new("tweede wachtwoordzin").unwrap();
    cipher::change(&path, &key, &new, &actor()).await.unwrap();
    assert!(
        matches!(
            Db::open_with(&path, Some(&key)).await,
            Err(Error::Locked(_))
        ),
        "the old one no longer opens it"
    );
    let db = Db::open_with(&path, Some(&new)).await.unwrap();
    assert_eq!(dossiers::list(db.pool()).await.unwrap().len(), 1);
    db.close().await;
}

#[tokio::test]
async fn an_encrypted_database_is_not_encrypted_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let key = Passphrase::new("wachtwoordzin").unwrap();
    let db = Db::open_with(&path, Some(&key)).await.unwrap();
    assert!(matches!(
        cipher::encrypt(db, &path, &key, &actor()).await,
        Err(Error::Locked(_))
    ));
}
