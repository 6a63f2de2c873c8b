"""Scanned field forms read back (no Qt): the pages of PDFs and images
(pages), the QR code naming form and page (qr), the corner marks and the
straightened page (align), each tick box and each row of boxes (boxes), one
page (reading), a pile of files sorted into forms (batch), and the check made
from a reviewed form with its pages kept as evidence (confirm, evidence)."""
