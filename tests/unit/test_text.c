/* Tests for text: repair, sanitising, width. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "inkstone/text.h"

static char *
clean(const char *s, size_t len)
{
	size_t	 n;
	char	*r = text_clean(s, len, &n);

	assert_int_equal(strlen(r), n);
	assert_true(text_valid(r, n, NULL));
	return r;
}

static void
test_decode(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(text_decode("\xe8\x8f\xaf", 3, &cp), 3);
	assert_int_equal(cp, 0x83EF);			/* 華 */
	assert_int_equal(text_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* Truncated, overlong, surrogate, past U+10FFFF, stray continuation. */
	assert_int_equal(text_decode("\xe8\x8f", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(text_decode("\xc0\xaf", 2, &cp), 1);
	assert_int_equal(text_decode("\xe0\x80\xaf", 3, &cp), 1);
	assert_int_equal(text_decode("\xed\xa0\x80", 3, &cp), 1);
	assert_int_equal(text_decode("\xf4\x90\x80\x80", 4, &cp), 1);
	assert_int_equal(text_decode("\x80", 1, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
}

static void
test_encode_roundtrip(void **state)
{
	char		 e[4];
	uint32_t	 cp, back;
	size_t		 n;

	(void)state;
	for (cp = 1; cp < 0x110000; cp += 7) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = text_encode(cp, e);
		assert_int_equal(text_decode(e, n, &back), n);
		assert_int_equal(back, cp);
	}
}

static void
test_repair(void **state)
{
	size_t	 n, bad;
	char	*r;

	(void)state;
	/* Each invalid byte becomes one U+FFFD; valid text around it stays. */
	r = text_repair("a\xff" "b\xe8\x8f" "c", 6, &n);
	assert_string_equal(r, "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd" "c");
	free(r);
	/* CR LF and lone CR become LF; NUL becomes U+FFFD. */
	r = text_repair("one\r\ntwo\rthree\0four", 19, &n);
	assert_int_equal(n, strlen(r));
	assert_string_equal(r, "one\ntwo\nthree\xef\xbf\xbd" "four");
	free(r);
	assert_false(text_valid("ok\xc3", 3, &bad));
	assert_int_equal(bad, 2);
	assert_true(text_valid("華為", strlen("華為"), NULL));
}

static void
test_sanitize_controls(void **state)
{
	char *r;

	(void)state;
	/* An OSC 52 clipboard write and a CSI: ESC and BEL become pictures. */
	r = clean("\x1b]52;c;SGVsbG8=\x07 \x1b[2J", 17);
	assert_null(strchr(r, 0x1b));
	assert_null(strchr(r, 0x07));
	assert_non_null(strstr(r, "\xe2\x90\x9b]52;c;"));	/* ␛ */
	assert_non_null(strstr(r, "\xe2\x90\x87"));		/* ␇ */
	free(r);
	/* C1 CSI (U+009B), DEL, backspace, a bidi override and isolate. */
	r = clean("a\xc2\x9b" "b\x7f" "c\x08" "d\xe2\x80\xae" "e\xe2\x81\xa6" "f", 16);
	assert_string_equal(r, "a\xef\xbf\xbd" "b\xe2\x90\xa1" "c\xe2\x90\x88"
	    "d\xef\xbf\xbd" "e\xef\xbf\xbd" "f");
	free(r);
	/* A CR overwrite is only a line break now. */
	r = clean("safe\rEVIL", 9);
	assert_string_equal(r, "safe\nEVIL");
	free(r);
}

static void
test_sanitize_tabs(void **state)
{
	char *r;

	(void)state;
	r = clean("a\tb\n\tc", 6);
	assert_string_equal(r, "a       b\n        c");
	free(r);
	/* Tab stops count display columns: 華 is two wide. */
	r = clean("華\tx", strlen("華\tx"));
	assert_string_equal(r, "華      x");
	free(r);
}

static void
test_sanitize_output_is_drawable(void **state)
{
	char		 in[4], *r;
	uint32_t	 cp, got;
	size_t		 n, i, k;

	(void)state;
	/* Nothing survives sanitising that the terminal would treat as a
	 * control or that has no width. */
	for (cp = 0; cp < 0x110000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = text_encode(cp, in);
		r = text_sanitize(in, n, &k);
		for (i = 0; i < k; i += n) {
			n = text_decode(r + i, k - i, &got);
			assert_false(got < 0x20 && got != '\n' && got != ' ');
			assert_false(got >= 0x7F && got <= 0x9F);
			assert_false(got >= 0x202A && got <= 0x202E);
			assert_false(got >= 0x2066 && got <= 0x2069);
		}
		free(r);
	}
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("Huawei", 6), 6);
	assert_int_equal(text_width("華為", strlen("華為")), 4);
	assert_int_equal(text_width("ｱ", strlen("ｱ")), 1);	/* halfwidth */
	assert_int_equal(text_width("e\xcc\x81", 3), 1);	/* e + acute */
	assert_int_equal(text_width("\xf0\x9f\x98\x80", 4), 2);
	assert_int_equal(text_width("co\xc2\xad" "op", 6), 4);	/* soft hyphen */
	assert_int_equal(text_cp_width(0x1b), 1);	/* as its picture */
	assert_int_equal(text_cp_width(0x9B), 1);
	assert_int_equal(text_cp_width('\n'), 0);
}

static void
test_width_agrees_with_wcwidth(void **state)
{
	uint32_t	cp;
	int		w, diff = 0;

	(void)state;
	/* In a UTF-8 locale the table is exactly wcwidth for every
	 * printable code point (the soft hyphen aside, by design). */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		skip();
	for (cp = 0x20; cp < 0x110000; cp++) {
		if (cp == 0xAD || (cp >= 0x7F && cp <= 0x9F))
			continue;
		w = wcwidth((wchar_t)cp);
		if (w >= 0 && w != text_cp_width(cp) &&
		    !(cp >= 0x202A && cp <= 0x202E) &&
		    !(cp >= 0x2066 && cp <= 0x2069))
			diff++;
	}
	setlocale(LC_CTYPE, "C");
	assert_int_equal(diff, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_encode_roundtrip),
		cmocka_unit_test(test_repair),
		cmocka_unit_test(test_sanitize_controls),
		cmocka_unit_test(test_sanitize_tabs),
		cmocka_unit_test(test_sanitize_output_is_drawable),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_agrees_with_wcwidth),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
