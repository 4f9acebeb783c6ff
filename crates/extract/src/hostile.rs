//! Builders of hostile files, for the tests of this crate and of the app: a zip bomb that is
//! cheap to make. Not used by the reader itself.

/// Deflate data (RFC 1951, fixed Huffman codes) for `len` bytes of `byte`: one literal, then
/// matches of 258 bytes at distance 1, 13 bits each, so 300 MB is some 2 MB of input.
pub fn deflated_run(byte: u8, len: usize) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(0b011, 3); // last block, fixed codes
    bits.code(0x30 + u32::from(byte), 8); // literals 0-143: 00110000 + value
    let mut left = len - 1;
    while left >= 258 {
        bits.code(0b1100_0101, 8); // length code 285: 258 bytes
        bits.code(0, 5); // distance code 0: distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0x30 + u32::from(byte), 8);
    }
    bits.code(0, 7); // end of block
    bits.finish()
}

#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u32,
    count: u32,
}

impl Bits {
    /// `count` bits of `value`, least significant first (header fields).
    fn put(&mut self, value: u32, count: u32) {
        for i in 0..count {
            self.acc |= ((value >> i) & 1) << self.count;
            self.count += 1;
            if self.count == 8 {
                self.out.push(self.acc as u8);
                self.acc = 0;
                self.count = 0;
            }
        }
    }

    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u32, count: u32) {
        for i in (0..count).rev() {
            self.put((code >> i) & 1, 1);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A ZIP of one deflated entry whose directory claims `claimed` bytes unpacked (and a CRC of
/// zero): the kind of lie a zip bomb tells.
pub fn zip_with_raw_deflate(name: &str, data: &[u8], claimed: u32) -> Vec<u8> {
    let le16 = |v: usize| (v as u16).to_le_bytes();
    let le32 = |v: usize| (v as u32).to_le_bytes();
    let mut zip = Vec::new();
    let fields = |zip: &mut Vec<u8>| {
        zip.extend(le16(20)); // version needed
        zip.extend(le16(0)); // flags
        zip.extend(le16(8)); // deflated
        zip.extend(le32(0)); // time and date
        zip.extend(le32(0)); // CRC-32
        zip.extend(le32(data.len()));
        zip.extend(claimed.to_le_bytes());
        zip.extend(le16(name.len()));
        zip.extend(le16(0)); // extra field
    };
    zip.extend(le32(0x0403_4b50));
    fields(&mut zip);
    zip.extend(name.as_bytes());
    zip.extend(data);
    let directory = zip.len();
    zip.extend(le32(0x0201_4b50));
    zip.extend(le16(20)); // made by
    fields(&mut zip);
    zip.extend([0; 6]); // comment length, disk, internal attributes
    zip.extend(le32(0)); // external attributes
    zip.extend(le32(0)); // offset of the local header
    zip.extend(name.as_bytes());
    let directory_size = zip.len() - directory;
    zip.extend(le32(0x0605_4b50));
    zip.extend([0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend(le32(directory_size));
    zip.extend(le32(directory));
    zip.extend(le16(0));
    zip
}

/// A DOCX whose `word/document.xml` unpacks to `len` spaces while its directory claims 1 KB.
pub fn docx_bomb(len: usize) -> Vec<u8> {
    zip_with_raw_deflate("word/document.xml", &deflated_run(b' ', len), 1_000)
}
