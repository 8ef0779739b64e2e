package claim

import "testing"

// TestASentenceInsideAnotherIsTheSame: a post whose sentence is the start of one the
// account posted says it again.
func TestASentenceInsideAnotherIsTheSame(t *testing.T) {
	m := NewMemo("zh")
	long := "受访企业年度数字化投入中位数为386万元，同比增长15.3％，其中头部连锁的投入是中小连锁的4.2倍。"
	if !m.Same("受访企业年度数字化投入中位数为386万元，同比增长15.3％。", long) {
		t.Error("a sentence inside another is not the same")
	}
	if m.Same("头部连锁门店的会员复购率为62％。", long) {
		t.Error("another finding of the same document is the same")
	}
}

// TestOneFindingInOtherWordsIsTheSame: the same figure with words of its subject in
// common is one finding, in Korean too, whose particles and verb endings differ from
// sentence to sentence (claim.Words reads their roots); another finding with the same figure is not.
func TestOneFindingInOtherWordsIsTheSame(t *testing.T) {
	for _, tc := range []struct {
		lang, a, b string
		same       bool
	}{
		{"en", "61% of shippers name inaccurate ETAs as their top complaint.", "61% of shippers rank inaccurate or missing ETAs first.", true},
		{"ko", "응답 기업의 61%가 여전히 엑셀과 이메일로 미수금을 관리하고 있습니다.",
			"매출채권을 어떻게 관리하느냐는 질문에 61%가 ‘엑셀과 이메일’이라고 답했습니다.", true},
		{"ko", "응답 기업의 61%가 여전히 엑셀과 이메일로 미수금을 관리하고 있습니다.",
			"응답 기업의 61%가 내년에 자동화 솔루션 도입을 계획하고 있습니다.", false},
	} {
		if got := NewMemo(tc.lang).SameFinding(tc.a, tc.b); got != tc.same {
			t.Errorf("%s: SameFinding(%q, %q) = %v, want %v", tc.lang, tc.a, tc.b, got, tc.same)
		}
	}
}
