package transforms

// Slug is a URL path segment for a title: lower-case ASCII words joined by hyphens,
// accents transliterated; "" for titles in non-Latin scripts.
func Slug(title string) string { return asciiSlug(title, 60) }
