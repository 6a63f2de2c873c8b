"""The enterprise register: records, fields, credit codes, pinyin keys, spreadsheet import."""
