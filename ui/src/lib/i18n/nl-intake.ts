// Dutch texts of evidence intake: reading documents (OCR, passwords, attachments), what the
// reader says about how a text was read.
export const nlIntake = {
  'intake.progress': "{step} ({done} van {total})",
  'intake.attachments': "{n} bijlage(n) apart bewaard, gekoppeld aan de e-mail.",
  'intake.attachmentOf': "bijlage",
  'intake.mail.from': "Van",
  'intake.mail.to': "Aan",
  'intake.mail.cc': "Cc",
  'intake.mail.date': "Datum",
  'intake.mail.subject': "Onderwerp",
  'intake.origin.ocr': "Tekst herkend met OCR (Tesseract, Nederlands)",
  'intake.origin.ocrConfidence': "Tekst herkend met OCR (Tesseract, Nederlands), zekerheid {percent}%",
  'intake.origin.ocrCheck': "Controleer een citaat altijd met het origineel: OCR kan letters verwisselen.",
  'intake.origin.typed': "Tekst in de app getypt of geplakt",
  'intake.notes': "Bij het lezen",
  'intake.password': "Wachtwoord van het PDF-bestand",
  'intake.passwordOpen': "Openen met wachtwoord",
  'intake.passwordOpened': "De tekst van “{title}” is gelezen.",
  'intake.typeText': "Tekst typen of plakken",
  'intake.typeHelp': "Typ of plak de tekst van het stuk; hij wordt gemarkeerd als getypt, zodat iedereen ziet dat hij niet uit het bestand komt.",
  'intake.typeSave': "Tekst bewaren",
  'intake.typed': "De tekst van “{title}” is bewaard.",
} as const;

export type IntakeKey = keyof typeof nlIntake;
