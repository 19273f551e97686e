/* breaks: where a line may break (UAX #14 through libunistring), where a
 * grapheme cluster starts (UAX #29), and the kinsoku tables that tailor the
 * first for Japanese and Chinese text.  wrap.c builds lines from these. */
#include <stddef.h>
#include <stdint.h>

#include <unigbrk.h>
#include <unilbrk.h>

#include "inkstone/wrap.h"

/*
 * Kinsoku shori.  Sorted so that a binary search finds a code point.  UAX #14
 * already forbids a break directly before most of the first table (classes
 * CL, CP, EX, IS, NS, IN and CJ, which libunistring resolves to NS) and
 * directly after most of the second (OP), but rule LB18 lets a line start
 * with an NS or IN character after spaces ("word …"), and quotation marks
 * (QU) may end a line after spaces: the tables close those gaps.
 */
static const uint32_t no_start[] = {
	0x0021, 0x0029, 0x002C, 0x002E, 0x003A, 0x003B, 0x003F, 0x005D,
	0x007D, 0x00BB, 0x2019, 0x201D, 0x2025, 0x2026, 0x203C, 0x2047,
	0x2048, 0x2049, 0x3001, 0x3002, 0x3005, 0x3009, 0x300B, 0x300D,
	0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301C, 0x301E,
	0x301F, 0x303B, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063,
	0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096, 0x309B, 0x309C,
	0x309D, 0x309E, 0x30A0, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9,
	0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x30FB,
	0x30FC, 0x30FD, 0x30FE, 0x31F0, 0x31F1, 0x31F2, 0x31F3, 0x31F4,
	0x31F5, 0x31F6, 0x31F7, 0x31F8, 0x31F9, 0x31FA, 0x31FB, 0x31FC,
	0x31FD, 0x31FE, 0x31FF, 0xFE50, 0xFE51, 0xFE52, 0xFE54, 0xFE55,
	0xFE56, 0xFE57, 0xFE5A, 0xFE5C, 0xFE5E, 0xFF01, 0xFF09, 0xFF0C,
	0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF60, 0xFF61,
	0xFF63, 0xFF64, 0xFF65, 0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B,
	0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F, 0xFF70, 0xFF9E, 0xFF9F
};

static const uint32_t no_end[] = {
	0x0028, 0x005B, 0x007B, 0x00AB, 0x2018, 0x201C, 0x3008, 0x300A,
	0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D,
	0xFE59, 0xFE5B, 0xFE5D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62
};

static int
in_table(const uint32_t *t, size_t n, uint32_t cp)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t[mid] == cp)
			return 1;
		if (t[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The tables sit in a few blocks; most code points are outside them all. */
static int
maybe_kinsoku(uint32_t cp)
{
	if (cp < 0x80)
		return cp == '!' || cp == ')' || cp == ',' || cp == '.' ||
		    cp == ':' || cp == ';' || cp == '?' || cp == ']' ||
		    cp == '}' || cp == '(' || cp == '[' || cp == '{';
	if (cp < 0x3000)
		return cp == 0xAB || cp == 0xBB || (cp >= 0x2018 && cp <= 0x2049);
	return cp <= 0x31FF || (cp >= 0xFE50 && cp <= 0xFF9F);
}

int
wrap_no_start(uint32_t cp)
{
	if (!maybe_kinsoku(cp))
		return 0;
	return in_table(no_start, sizeof no_start / sizeof no_start[0], cp);
}

int
wrap_no_end(uint32_t cp)
{
	if (!maybe_kinsoku(cp))
		return 0;
	return in_table(no_end, sizeof no_end / sizeof no_end[0], cp);
}

void
wrap_breaks(const char *s, size_t len, char *p)
{
	size_t	i, j;
	int	after_bk = 0;

	if (len == 0)
		return;
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", p);
	/*
	 * libunistring marks a mandatory break on the line-break character
	 * itself; move it to the character that follows, so that every entry
	 * answers one question: may (or must) a line start here?
	 */
	for (i = 0; i < len; i = j) {
		for (j = i + 1; j < len && ((unsigned char)s[j] & 0xC0) == 0x80;
		    j++)
			p[j] = WRAP_NONE;
		switch (p[i]) {
		case UC_BREAK_MANDATORY:
			p[i] = after_bk ? WRAP_MUST : WRAP_NONE;
			after_bk = 1;
			continue;
		case UC_BREAK_POSSIBLE:
			/* libunistring says "possible" after U+00AD. */
			if (i >= 2 && (unsigned char)s[i - 2] == 0xC2 &&
			    (unsigned char)s[i - 1] == 0xAD)
				p[i] = WRAP_HYPHEN;
			else
				p[i] = WRAP_ALLOW;
			break;
		case UC_BREAK_HYPHENATION:
			p[i] = WRAP_HYPHEN;
			break;
		default:
			p[i] = WRAP_NONE;
			break;
		}
		if (after_bk)
			p[i] = WRAP_MUST;
		after_bk = 0;
	}
	p[0] = WRAP_NONE;
}

void
wrap_clusters(const char *s, size_t len, char *p)
{
	if (len == 0)
		return;
	u8_grapheme_breaks((const uint8_t *)s, len, p);
	p[0] = 1;
}
