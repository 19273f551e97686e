/* Tests for the break and cluster functions behind wrap: every case of the
 * Unicode 14.0 LineBreakTest.txt and GraphemeBreakTest.txt. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "inkstone/util.h"
#include "inkstone/wrap.h"

#define LINEBREAK_TEST	"tests/data/unicode/LineBreakTest.txt"
#define GRAPHEME_TEST	"tests/data/unicode/GraphemeBreakTest.txt"
#define MAXCP		128

/* One test case: the code points, their byte offsets once encoded, and
 * whether the file expects a break before each (index 0 is the start). */
struct tcase {
	uint8_t	 s[MAXCP * 4];
	size_t	 len;
	size_t	 off[MAXCP];
	int	 brk[MAXCP];
	size_t	 n;
	char	 rule[MAXCP][8];	/* [rule] before code point k */
	char	 cls[MAXCP][16];	/* (class) of code point k */
};

/*
 * Known deviations of libunistring 1.0 from LineBreakTest 14.0, by the rule
 * the file names at the first boundary where the two disagree.  Measured:
 * 354 cases.  LB25 shows up as rule 999 (break everywhere else) between
 * number classes, because the file uses the regex tailoring of LB25 and
 * libunistring the pairwise rules.
 */
static const struct known {
	const char	*name;
	int		 count;
} known[] = {
	{ "LB18 (break after spaces at the start of a line)", 273 },
	{ "LB25 (numbers)", 34 },
	{ "LB20 (U+FFFC, class CB)", 17 },
	{ "LB14 (OP SP* x, with marks after the spaces)", 12 },
	{ "LB29 (IS x AL)", 12 },
	{ "LB16 ((CL|CP) SP* x NS)", 5 },
	{ "LB30a (regional indicators around marks)", 1 },
};
#define NKNOWN (sizeof known / sizeof known[0])

/* Parses one non-comment line of a break test file into tc; 0 if none. */
static int
parse_case(const char *line, struct tcase *tc)
{
	const char	*p = line, *hash, *q, *close, *b;
	char		*end;
	unsigned long	 cp;
	int		 pending = 0;
	size_t		 k;

	memset(tc, 0, sizeof *tc);
	if (*line == '#' || *line == '\0')
		return 0;
	hash = strchr(line, '#');
	if (hash == NULL)
		hash = line + strlen(line);
	while (p < hash) {
		if (*p == ' ' || *p == '\t') {
			p++;
		} else if (strncmp(p, "\xc3\xb7", 2) == 0) {	/* ÷ */
			pending = 1;
			p += 2;
		} else if (strncmp(p, "\xc3\x97", 2) == 0) {	/* × */
			pending = 0;
			p += 2;
		} else {
			cp = strtoul(p, &end, 16);
			assert_true(end != p && tc->n < MAXCP);
			tc->off[tc->n] = tc->len;
			tc->brk[tc->n] = pending;
			tc->n++;
			tc->len += u8_uctomb(tc->s + tc->len, (ucs4_t)cp, 4);
			p = end;
		}
	}
	/* The comment: "× [0.3] NAME (CLASS) × [28.0] NAME (CLASS) ÷ [0.3]". */
	for (k = 0, q = hash; k < tc->n && (q = strchr(q, '[')) != NULL; k++) {
		close = strchr(q, ']');
		assert_non_null(close);
		snprintf(tc->rule[k], sizeof tc->rule[k], "%.*s",
		    (int)(close - q - 1), q + 1);
		q = strchr(close, '[');
		if (q == NULL)
			break;
		for (b = q; b > close && *b != '('; b--)
			;
		snprintf(tc->cls[k], sizeof tc->cls[k], "%.*s",
		    (int)strcspn(b + 1, ")_"), b + 1);
	}
	return tc->n > 0;
}

static int
numeric_class(const char *c)
{
	static const char *const set[] = {
		"CL", "CP", "IS", "SY", "NU", "PR", "PO", "OP", "HY"
	};
	size_t i;

	for (i = 0; i < sizeof set / sizeof set[0]; i++)
		if (strcmp(c, set[i]) == 0)
			return 1;
	return 0;
}

/* Which known deviation explains a failure at boundary k; -1 if none. */
static int
classify(const struct tcase *tc, size_t k)
{
	const char	*r = tc->rule[k];
	size_t		 left = k - 1;

	if (strcmp(r, "18.0") == 0)
		return 0;
	if (strcmp(r, "999.0") == 0) {
		while (left > 0 && (strcmp(tc->cls[left], "CM1") == 0 ||
		    strcmp(tc->cls[left], "ZWJ") == 0))
			left--;
		if (numeric_class(tc->cls[left]) && numeric_class(tc->cls[k]))
			return 1;
		return -1;
	}
	if (strcmp(r, "20.01") == 0 || strcmp(r, "20.02") == 0)
		return 2;
	if (strcmp(r, "14.0") == 0)
		return 3;
	if (strcmp(r, "29.0") == 0)
		return 4;
	if (strcmp(r, "16.0") == 0)
		return 5;
	if (strncmp(r, "30.1", 4) == 0)
		return 6;
	return -1;
}

/* Cuts the next line out of the buffer at *cursor; NULL at the end. */
static char *
next_line(char **cursor)
{
	char *line = *cursor, *nl;

	if (line == NULL || *line == '\0')
		return NULL;
	nl = strchr(line, '\n');
	if (nl != NULL) {
		*nl = '\0';
		*cursor = nl + 1;
	} else
		*cursor = line + strlen(line);
	return line;
}

static void
test_linebreak_file(void **state)
{
	struct tcase	*tc = xmalloc(sizeof *tc);
	char		*data, *cursor, *line, *cause = NULL;
	char		 p[MAXCP * 4];
	size_t		 len, k, total = 0, pass = 0, lineno = 0;
	int		 fails[NKNOWN] = { 0 }, unexpected = 0, got, c;
	size_t		 i;

	(void)state;
	data = util_read_file(LINEBREAK_TEST, 0, &len, &cause);
	if (data == NULL)
		fail_msg("%s", cause);
	cursor = data;
	while ((line = next_line(&cursor)) != NULL) {
		lineno++;
		if (!parse_case(line, tc))
			continue;
		total++;
		wrap_breaks((const char *)tc->s, tc->len, p);
		for (k = 1; k < tc->n; k++) {
			got = p[tc->off[k]] != WRAP_NONE;
			if (got != tc->brk[k])
				break;
		}
		if (k == tc->n) {
			pass++;
			continue;
		}
		c = classify(tc, k);
		if (c < 0) {
			print_error("%s:%zu: unexpected deviation at code "
			    "point %zu (rule %s)\n", LINEBREAK_TEST, lineno,
			    k, tc->rule[k]);
			unexpected++;
		} else
			fails[c]++;
	}
	printf("LineBreakTest: %zu/%zu pass, %zu known libunistring "
	    "deviations\n", pass, total, total - pass - (size_t)unexpected);
	for (i = 0; i < NKNOWN; i++) {
		printf("  %-50s %3d (known %d)\n", known[i].name, fails[i],
		    known[i].count);
		assert_true(fails[i] <= known[i].count);
	}
	assert_int_equal(total, 7654);
	assert_int_equal(unexpected, 0);
	assert_true(pass >= 7300);
	free(data);
	free(tc);
}

static void
test_grapheme_file(void **state)
{
	struct tcase	*tc = xmalloc(sizeof *tc);
	char		*data, *cursor, *line, *cause = NULL;
	char		 p[MAXCP * 4];
	size_t		 len, k, total = 0, pass = 0, lineno = 0;

	(void)state;
	data = util_read_file(GRAPHEME_TEST, 0, &len, &cause);
	if (data == NULL)
		fail_msg("%s", cause);
	cursor = data;
	while ((line = next_line(&cursor)) != NULL) {
		lineno++;
		if (!parse_case(line, tc))
			continue;
		total++;
		wrap_clusters((const char *)tc->s, tc->len, p);
		for (k = 1; k < tc->n; k++)
			if ((p[tc->off[k]] != 0) != tc->brk[k])
				break;
		if (k == tc->n)
			pass++;
		else
			print_error("%s:%zu: cluster boundary wrong at code "
			    "point %zu\n", GRAPHEME_TEST, lineno, k);
	}
	printf("GraphemeBreakTest: %zu/%zu pass\n", pass, total);
	assert_int_equal(total, 602);
	assert_int_equal(pass, total);
	free(data);
	free(tc);
}

/* The normalised form: a line feed's break moves to the next character,
 * a soft hyphen's to WRAP_HYPHEN, and bytes inside a character say no. */
static void
test_breaks_form(void **state)
{
	const char	*s = "ab\ncd\n\ne\xc2\xad" "f \xe6\x97\xa5\xe6\x9c\xac";
	char		 p[32];
	size_t		 i, len = strlen(s);

	(void)state;
	memset(p, 'x', sizeof p);
	wrap_breaks(s, len, p);
	assert_int_equal(p[0], WRAP_NONE);
	assert_int_equal(p[2], WRAP_NONE);	/* before the line feed */
	assert_int_equal(p[3], WRAP_MUST);	/* c */
	assert_int_equal(p[6], WRAP_MUST);	/* the second line feed */
	assert_int_equal(p[7], WRAP_MUST);	/* e */
	assert_int_equal(p[8], WRAP_NONE);	/* U+00AD */
	assert_int_equal(p[10], WRAP_HYPHEN);	/* f */
	assert_int_equal(p[11], WRAP_NONE);	/* space */
	assert_int_equal(p[12], WRAP_ALLOW);	/* 日 after the space */
	assert_int_equal(p[13], WRAP_NONE);
	assert_int_equal(p[14], WRAP_NONE);
	assert_int_equal(p[15], WRAP_ALLOW);	/* 本 after 日 */
	for (i = 0; i < len; i++)
		assert_true(p[i] >= WRAP_NONE && p[i] <= WRAP_MUST);
	/* An empty string touches nothing. */
	p[0] = 'x';
	wrap_breaks("", 0, p);
	wrap_clusters("", 0, p);
	assert_int_equal(p[0], 'x');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linebreak_file),
		cmocka_unit_test(test_grapheme_file),
		cmocka_unit_test(test_breaks_form),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
