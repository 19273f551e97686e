/* Tests for selection: words, sentences and paragraphs of mixed English
 * and CJK text, the steps of a visual selection at the edges of
 * paragraphs, and line steps at any width landing on the same bytes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/selection.h"
#include "inkstone/util.h"
#include "inkstone/wrap.h"

#define S(x) ((char *)(uintptr_t)(x))
#define P(x) { S(x), sizeof(x) - 1 }

static const struct article_para body[] = {
	P("Huawei Technologies Co (華為) raised output. Its Ascend 910C "
	    "chips cost US$5.5 billion! Who pays?"),
	P("台灣AI伺服器出口創新高。對美順差擴大「引關注」。Exports rose."),
	P("Last paragraph, no stop at its end  "),
};
#define NBODY	(sizeof body / sizeof body[0])

/* The text of span v[i], in a static buffer. */
static const char *
text(const struct selection_span *v, size_t i)
{
	static char	buf[256];
	size_t		n = v[i].b.off - v[i].a.off;

	assert_int_equal(v[i].a.para, v[i].b.para);
	memcpy(buf, body[v[i].a.para].text + v[i].a.off, n);
	buf[n] = '\0';
	return buf;
}

/* The selection's text (paragraphs joined by "|"). */
static const char *
chosen(const struct selection *s)
{
	static char	buf[512];
	size_t		p, a, b;

	buf[0] = '\0';
	for (p = 0; p < NBODY; p++) {
		if (!selection_in_para(s, body, NBODY, p, &a, &b))
			continue;
		if (buf[0] != '\0')
			strcat(buf, "|");
		strncat(buf, body[p].text + a, b - a);
	}
	return buf;
}

static void
test_words(void **state)
{
	struct selection_span	*v;
	size_t			 n;

	(void)state;
	n = selection_units(body, NBODY, 0, 0, SELECTION_WORD, &v);
	assert_int_equal(n, 17);
	assert_string_equal(text(v, 0), "Huawei");
	assert_string_equal(text(v, 3), "華");
	assert_string_equal(text(v, 4), "為");
	assert_string_equal(text(v, 9), "910C");
	assert_string_equal(text(v, 12), "US");
	assert_string_equal(text(v, 13), "5.5");
	assert_string_equal(text(v, 16), "pays");
	free(v);
	/* CJK: each ideograph a word, "AI" one, punctuation none. */
	n = selection_units(body, NBODY, 1, 1, SELECTION_WORD, &v);
	assert_string_equal(text(v, 0), "台");
	assert_string_equal(text(v, 2), "AI");
	assert_string_equal(text(v, 3), "伺");
	assert_string_equal(text(v, n - 1), "rose");
	free(v);
}

static void
test_sentences(void **state)
{
	struct selection_span	*v;
	size_t			 n;

	(void)state;
	n = selection_units(body, NBODY, 0, 2, SELECTION_SENTENCE, &v);
	assert_int_equal(n, 7);
	assert_string_equal(text(v, 0),
	    "Huawei Technologies Co (華為) raised output.");
	/* "5.5" and "910C" do not end a sentence. */
	assert_string_equal(text(v, 1),
	    "Its Ascend 910C chips cost US$5.5 billion!");
	assert_string_equal(text(v, 2), "Who pays?");
	/* No spaces in CJK: 。 ends a sentence, its closing quote with it. */
	assert_string_equal(text(v, 3), "台灣AI伺服器出口創新高。");
	assert_string_equal(text(v, 4), "對美順差擴大「引關注」。");
	assert_string_equal(text(v, 5), "Exports rose.");
	/* Without a stop, the paragraph's end; its spaces are left out. */
	assert_string_equal(text(v, 6), "Last paragraph, no stop at its end");
	free(v);
	n = selection_units(body, NBODY, 2, 2, SELECTION_PARAGRAPH, &v);
	assert_int_equal(n, 1);
	assert_string_equal(text(v, 0), "Last paragraph, no stop at its end");
	free(v);
}

static void
test_begin(void **state)
{
	struct selection s;

	(void)state;
	assert_int_equal(selection_begin(&s, body, NBODY, 0, 0), 0);
	assert_string_equal(chosen(&s), "Huawei");
	/* Inside a word: that word; on a space or a bracket: the next. */
	assert_int_equal(selection_begin(&s, body, NBODY, 0, 8), 0);
	assert_string_equal(chosen(&s), "Technologies");
	assert_int_equal(selection_begin(&s, body, NBODY, 0, 23), 0);
	assert_string_equal(chosen(&s), "華");
	/* Past the last word of a paragraph: the next paragraph's first. */
	assert_int_equal(selection_begin(&s, body, NBODY, 0, body[0].len - 1),
	    0);
	assert_string_equal(chosen(&s), "台");
	assert_int_equal(selection_begin(&s, body, NBODY, 2, body[2].len), -1);
}

static void
test_steps(void **state)
{
	struct selection s;

	(void)state;
	selection_begin(&s, body, NBODY, 0, 0);
	/* w extends by a word, b shrinks, never below one word. */
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, 1), 1);
	assert_string_equal(chosen(&s), "Huawei Technologies");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, 1), 1);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, 1), 1);
	assert_string_equal(chosen(&s), "Huawei Technologies Co (華");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, -1),
	    1);
	assert_string_equal(chosen(&s), "Huawei Technologies Co");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, -1),
	    1);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, -1),
	    1);
	assert_string_equal(chosen(&s), "Huawei");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, -1),
	    0);
	assert_string_equal(chosen(&s), "Huawei");
	/* ) to the sentence's end, ( back: not past the first word. */
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_SENTENCE,
	    1), 1);
	assert_string_equal(chosen(&s),
	    "Huawei Technologies Co (華為) raised output.");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_SENTENCE,
	    1), 1);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_SENTENCE,
	    -1), 1);
	assert_string_equal(chosen(&s),
	    "Huawei Technologies Co (華為) raised output.");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_SENTENCE,
	    -1), 0);
	/* } to the paragraph's end, then over the edge into the next. */
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_PARAGRAPH,
	    1), 1);
	assert_int_equal(s.end.para, 0);
	assert_int_equal(s.end.off, body[0].len);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, 1), 1);
	assert_string_equal(chosen(&s), "Huawei Technologies Co (華為) raised "
	    "output. Its Ascend 910C chips cost US$5.5 billion! Who pays?|台");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_SENTENCE,
	    1), 1);
	assert_string_equal(strchr(chosen(&s), '|'), "|台灣AI伺服器出口創新高。");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_PARAGRAPH,
	    1), 1);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_PARAGRAPH,
	    1), 1);
	/* The last paragraph's end leaves its trailing spaces out; no
	 * further. */
	assert_int_equal(s.end.para, 2);
	assert_int_equal(s.end.off, body[2].len - 2);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_PARAGRAPH,
	    1), 0);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, 1), 0);
	/* { back a paragraph at a time. */
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_PARAGRAPH,
	    -1), 1);
	assert_int_equal(s.end.para, 1);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_PARAGRAPH,
	    -1), 1);
	assert_int_equal(s.end.para, 0);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_PARAGRAPH,
	    -1), 0);
}

static void
test_swap(void **state)
{
	struct selection s;

	(void)state;
	/* From the middle of the CJK paragraph: the start moves back by
	 * ideographs, then forward again, never past the end. */
	selection_begin(&s, body, NBODY, 1, strlen("台灣AI伺服器出口"));
	assert_string_equal(chosen(&s), "創");
	selection_swap(&s);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, -1),
	    1);
	assert_string_equal(chosen(&s), "口創");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_SENTENCE,
	    -1), 1);
	assert_string_equal(chosen(&s), "台灣AI伺服器出口創");
	/* The start of the body: nothing before it. */
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_PARAGRAPH,
	    -1), 1);
	assert_int_equal(s.start.para, 0);
	assert_int_equal(s.start.off, 0);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_WORD, -1),
	    0);
	/* Forward shrinks from the start: into paragraph 1 again. */
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_PARAGRAPH,
	    1), 1);
	assert_string_equal(chosen(&s), "台灣AI伺服器出口創");
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_SENTENCE,
	    1), 0);
	while (selection_step(&s, body, NBODY, SELECTION_WORD, 1))
		continue;
	assert_string_equal(chosen(&s), "創");
	selection_swap(&s);
	assert_int_equal(selection_step(&s, body, NBODY, SELECTION_SENTENCE,
	    1), 1);
	assert_string_equal(chosen(&s), "創新高。");
}

/* Paragraphs with no word ("* * *", as dump keeps a scene break), with
 * only spaces, or empty: steps go over them to the text beyond, and stop
 * only at the body's edge. */
static const struct article_para gaps[] = {
	P("Alpha beta."),
	P("* * *"),
	P("  \t "),
	P(""),
	P("Gamma delta."),
	P(" "),
	P(""),
};
#define NGAPS	(sizeof gaps / sizeof gaps[0])

static void
test_gaps(void **state)
{
	struct selection s;

	(void)state;
	/* w from "beta" over the rule to "Gamma", then the body's end. */
	selection_begin(&s, gaps, NGAPS, 0, 0);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_WORD, 1), 1);
	assert_int_equal(s.end.para, 0);
	assert_int_equal(s.end.off, strlen("Alpha beta"));
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_WORD, 1), 1);
	assert_int_equal(s.end.para, 4);
	assert_int_equal(s.end.off, strlen("Gamma"));
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_WORD, 1), 1);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_WORD, 1), 0);
	assert_int_equal(s.end.para, 4);
	assert_int_equal(s.end.off, strlen("Gamma delta"));
	/* b shrinks back over the gap too. */
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_WORD, -1),
	    1);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_WORD, -1),
	    1);
	assert_int_equal(s.end.para, 0);
	assert_int_equal(s.end.off, strlen("Alpha beta"));

	/* ) and } stop on the rule, then go over the blank ones. */
	selection_begin(&s, gaps, NGAPS, 0, 0);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_SENTENCE,
	    1), 1);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_SENTENCE,
	    1), 1);
	assert_int_equal(s.end.para, 1);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_SENTENCE,
	    1), 1);
	assert_int_equal(s.end.para, 4);
	assert_int_equal(s.end.off, gaps[4].len);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_SENTENCE,
	    1), 0);
	selection_begin(&s, gaps, NGAPS, 0, 0);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_PARAGRAPH,
	    1), 1);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_PARAGRAPH,
	    1), 1);
	assert_int_equal(s.end.para, 1);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_PARAGRAPH,
	    1), 1);
	assert_int_equal(s.end.para, 4);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_PARAGRAPH,
	    1), 0);

	/* With the start moving: b, ( and { back over the gaps. */
	selection_begin(&s, gaps, NGAPS, 4, 0);
	selection_swap(&s);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_WORD, -1),
	    1);
	assert_int_equal(s.start.para, 0);
	assert_int_equal(s.start.off, strlen("Alpha "));
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_WORD, 1), 1);
	assert_int_equal(s.start.para, 4);
	assert_int_equal(s.start.off, 0);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_SENTENCE,
	    -1), 1);
	assert_int_equal(s.start.para, 1);
	assert_int_equal(s.start.off, 0);
	selection_begin(&s, gaps, NGAPS, 4, 0);
	selection_swap(&s);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_PARAGRAPH,
	    -1), 1);
	assert_int_equal(s.start.para, 1);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_PARAGRAPH,
	    -1), 1);
	assert_int_equal(s.start.para, 0);
	assert_int_equal(selection_step(&s, gaps, NGAPS, SELECTION_PARAGRAPH,
	    -1), 0);
}

/* Line steps over the wrapped lines of paragraph 0 at widths from 1 to
 * 200: they walk the lines' ends and end at the paragraph's end, and a
 * sentence step from wherever they stop lands on the same byte at every
 * width. */
static void
test_widths(void **state)
{
	static const int	 widths[] = { 1, 2, 3, 7, 13, 40, 200 };
	struct wrap_lines	 wl;
	struct selection_span	*v;
	struct selection	 s;
	size_t			 i, k, steps, want;
	int			 w;

	(void)state;
	want = strlen("Huawei Technologies Co (華為) raised output.");
	for (k = 0; k < sizeof widths / sizeof widths[0]; k++) {
		w = widths[k];
		memset(&wl, 0, sizeof wl);
		wrap_paragraph(body[0].text, body[0].len, w, &wl);
		v = xcalloc(wl.n, sizeof *v);
		for (i = 0; i < wl.n; i++) {
			v[i].a.para = v[i].b.para = 0;
			v[i].a.off = wl.v[i].start;
			v[i].b.off = wl.v[i].end;
		}
		selection_begin(&s, body, NBODY, 0, 0);
		/* One line step: at most the first line's end or, when a
		 * line is narrower than the word, a later one. */
		assert_int_equal(selection_step_spans(&s, v, wl.n, 1),
		    wl.v[0].end > strlen("Huawei") || wl.n > 1);
		assert_true(s.end.off >= strlen("Huawei"));
		if (s.end.off < want) {
			selection_step(&s, body, NBODY, SELECTION_SENTENCE, 1);
			assert_int_equal(s.end.off, want);
		}
		for (steps = 0; selection_step_spans(&s, v, wl.n, 1); steps++)
			continue;
		assert_int_equal(s.end.off, body[0].len);
		assert_true(steps < wl.n);
		/* A line step back never leaves the selection empty. */
		while (selection_step_spans(&s, v, wl.n, -1))
			continue;
		assert_true(s.end.off > s.start.off);
		assert_true(s.end.off <= wl.v[0].end || s.end.off <=
		    strlen("Huawei"));
		free(v);
		wrap_lines_free(&wl);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_begin),
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_swap),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_widths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
