package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/repurpose/repurpose/inputs/doc"
	"github.com/repurpose/repurpose/inputs/internal/twin"
)

// BenchmarkCorpusPDF reads each corpus PDF with this package and, beside it, with plain
// pdftotext (no structure), reporting pages per second. scripts/bench.sh pdf.
func BenchmarkCorpusPDF(b *testing.B) {
	corpus := twin.Corpus(b)
	needEngine(b)
	pdfs, _ := filepath.Glob(filepath.Join(corpus, "pdf", "*.pdf"))
	for _, path := range pdfs {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		d, err := Read(context.Background(), data, doc.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".pdf")
		b.Run("inputs/"+name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Read(context.Background(), data, doc.Limits{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(d.Pages*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
		b.Run("pdftotext/"+name, func(b *testing.B) {
			for b.Loop() {
				if out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput(); err != nil {
					b.Fatal(err, string(out))
				}
			}
			b.ReportMetric(float64(d.Pages*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkTenMiBPDFPeakRSS reads a 10 MiB, 500-page text PDF and reports the peak RSS of
// this process and of the largest poppler process. Run it alone: the process's peak is
// for the whole run.
func BenchmarkTenMiBPDFPeakRSS(b *testing.B) {
	needEngine(b)
	var pages [][]textAt
	words := strings.Fields("platform teams build golden paths that product teams adopt because they remove toil and speed up every delivery from idea to production")
	for p := range 500 {
		var lines []textAt
		for l := range 50 {
			var s strings.Builder
			for w := 0; s.Len() < 390; w++ {
				s.WriteString(words[(p*7+l*3+w)%len(words)] + " ")
			}
			lines = append(lines, textAt{x: 20, y: 30 + float64(l)*14, size: 7, text: strings.TrimSpace(s.String()) + "."})
		}
		pages = append(pages, lines)
	}
	data := pdfSpec{pages: pages}.bytes()
	b.Logf("PDF of %.1f MiB, %d pages", float64(len(data))/(1<<20), len(pages))
	for b.Loop() {
		d, err := Read(context.Background(), data, doc.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if d.Pages != 500 {
			b.Fatalf("read %d pages", d.Pages)
		}
	}
	var self, children syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	b.ReportMetric(float64(self.Maxrss)/1024, "MB-peak-RSS-go")
	b.ReportMetric(float64(children.Maxrss)/1024, "MB-peak-RSS-poppler")
	b.ReportMetric(float64(500*b.N)/b.Elapsed().Seconds(), "pages/s")
}
