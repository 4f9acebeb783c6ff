// English texts of evidence intake; exactly the keys of nl-intake (the type enforces it).
import type { IntakeKey } from './nl-intake';

export const enIntake: Record<IntakeKey, string> = {
  'intake.progress': "{step} ({done} of {total})",
  'intake.attachments': "{n} attachment(s) kept separately, linked to the e-mail.",
  'intake.attachmentOf': "attachment",
  'intake.mail.from': "From",
  'intake.mail.to': "To",
  'intake.mail.cc': "Cc",
  'intake.mail.date': "Date",
  'intake.mail.subject': "Subject",
  'intake.origin.ocr': "Text recognised by OCR (Tesseract, Dutch)",
  'intake.origin.ocrConfidence': "Text recognised by OCR (Tesseract, Dutch), confidence {percent}%",
  'intake.origin.ocrCheck': "Always check a quote against the original: OCR can mistake letters.",
  'intake.origin.typed': "Text typed or pasted in the app",
  'intake.notes': "While reading",
  'intake.password': "Password of the PDF file",
  'intake.passwordOpen': "Open with password",
  'intake.passwordOpened': "The text of “{title}” was read.",
  'intake.typeText': "Type or paste the text",
  'intake.typeHelp': "Type or paste the document's text; it is marked as typed, so everyone sees it does not come from the file.",
  'intake.typeSave': "Save text",
  'intake.typed': "The text of “{title}” was saved.",
};
