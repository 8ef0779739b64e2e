// Package script tells the scripts of Japanese and Chinese text apart, without the
// table look-ups of package unicode for the blocks such text is mostly made of.
package script

import "unicode"

// firstCJK is below every Han, Katakana and Hiragana code point (the CJK Radicals
// block), so most text skips the script-table look-ups.
const firstCJK = 0x2E80

// CJK reports Japanese and Chinese script, which is written without spaces.
func CJK(r rune) bool {
	return Hiragana(r) || Katakana(r) || Han(r)
}

// Hiragana, Katakana and Han are unicode.Is for these scripts, answering for the
// kana and kanji blocks Japanese text is mostly made of without searching the tables.
func Hiragana(r rune) bool {
	switch {
	case r >= 0x3041 && r <= 0x3096:
		return true
	case r >= 0x30A0 && r <= 0x30FF, r >= 0x4E00 && r <= 0x9FFF:
		return false
	}
	return r >= firstCJK && unicode.Is(unicode.Hiragana, r)
}

func Katakana(r rune) bool {
	switch {
	case r >= 0x30A1 && r <= 0x30FA:
		return true
	case r >= 0x3040 && r <= 0x309F, r >= 0x4E00 && r <= 0x9FFF:
		return false
	}
	return r >= firstCJK && unicode.Is(unicode.Katakana, r)
}

func Han(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r >= 0x3040 && r <= 0x30FF:
		return false
	}
	return r >= firstCJK && unicode.Is(unicode.Han, r)
}
