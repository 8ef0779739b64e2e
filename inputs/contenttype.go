package inputs

import (
	"mime"
	"path/filepath"
	"strings"
)

// ContentType is the Content-Type an inbox object of this name is stored with.
func ContentType(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return "text/markdown; charset=utf-8"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".pptx":
		return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	case ".vtt":
		return "text/vtt; charset=utf-8"
	case ".srt":
		return "application/x-subrip"
	case ".pdf":
		return "application/pdf"
	}
	if t := mime.TypeByExtension(filepath.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
