"""Layoff filings (裁员备案) under 劳动合同法 第41–42条."""
