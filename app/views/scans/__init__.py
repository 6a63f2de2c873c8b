"""The scan window: 文件 → 导入扫描件… reads the files in the background, then
the review dialog shows each form's readings, unclear first, beside the
cut-outs from the scan, and saves the confirmed check."""
