/* text: UTF-8 repair, sanitising for display, display width. */
#include <locale.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

#include "inkstone/text.h"
#include "inkstone/util.h"

#define REPLACEMENT	0xFFFD
#define TABSTOP		8

size_t
text_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 c;
	size_t			 n, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		c = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		c = u[0] & 0x07;
	} else
		goto bad;
	if (len < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = REPLACEMENT;
	return 1;
}

size_t
text_encode(uint32_t cp, char *out)
{
	unsigned char *u = (unsigned char *)out;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
text_valid(const char *s, size_t len, size_t *bad)
{
	const uint8_t *p = u8_check((const uint8_t *)s, len);

	if (p == NULL)
		return 1;
	if (bad != NULL)
		*bad = (size_t)(p - (const uint8_t *)s);
	return 0;
}

static void
add_cp(struct buf *b, uint32_t cp)
{
	char	e[4];

	buf_add(b, e, text_encode(cp, e));
}

char *
text_repair(const char *s, size_t len, size_t *outlen)
{
	struct buf	 b = { 0 };
	uint32_t	 cp;
	size_t		 i = 0, n, run;

	buf_grow(&b, len);
	buf_add(&b, "", 0);
	while (i < len) {
		/* Copy runs of plain ASCII at once: most text is. */
		for (run = i; run < len; run++) {
			unsigned char c = (unsigned char)s[run];
			if (c >= 0x80 || c == '\r' || c == '\0')
				break;
		}
		if (run > i) {
			buf_add(&b, s + i, run - i);
			i = run;
			continue;
		}
		if (s[i] == '\r') {
			buf_addc(&b, '\n');
			i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if (cp == 0 || (cp == REPLACEMENT && n == 1))
			add_cp(&b, REPLACEMENT);
		else
			buf_add(&b, s + i, n);
		i += n;
	}
	return buf_take(&b, outlen);
}

/*
 * Widths come from glibc's wcwidth in a UTF-8 locale, because that is what
 * ncurses lays out with.  wcwidth depends on the locale in force, and model
 * code (and the tests) may run in the C locale, so a table is filled once
 * with a UTF-8 locale set for this thread only.  Two bits a code point: the
 * width drawn (0, 1 or 2), or REPLACED for what text_sanitize() replaces
 * with a placeholder of width 1.  One lookup serves the wrapper's hot loop.
 */
#define REPLACED	3

static _Atomic(uint8_t *) width_table;
static pthread_once_t	  width_once = PTHREAD_ONCE_INIT;

static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static int
classify(uint32_t cp, int w)
{
	if (cp == '\n')
		return 0;
	if (cp == '\t')
		return 1;		/* before expansion */
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp) ||
	    cp == 0x2028 || cp == 0x2029)
		return REPLACED;
	/* The soft hyphen is invisible unless a line breaks at it, where
	 * the wrapper draws "-" itself (wcwidth says 1). */
	if (cp == 0xAD)
		return 0;
	if (w < 0 || w > 2)
		return REPLACED;
	return w;
}

static void
width_init(void)
{
	static const char *const names[] = {
		"C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"
	};
	locale_t	 loc = (locale_t)0, old = (locale_t)0;
	uint8_t		*t;
	uint32_t	 cp;
	size_t		 k;
	int		 w;

	for (k = 0; k < sizeof names / sizeof names[0] && loc == 0; k++)
		loc = newlocale(LC_CTYPE_MASK, names[k], (locale_t)0);
	t = xcalloc(0x110000 / 4, 1);
	if (loc != 0)
		old = uselocale(loc);
	for (cp = 0; cp < 0x110000; cp++) {
		w = loc != 0 ? wcwidth((wchar_t)cp) : uc_width(cp, "UTF-8");
		w = classify(cp, w);
		t[cp >> 2] |= (uint8_t)(w << ((cp & 3) * 2));
	}
	if (loc != 0) {
		uselocale(old);
		freelocale(loc);
	}
	atomic_store_explicit(&width_table, t, memory_order_release);
}

static int
lookup(uint32_t cp)
{
	uint8_t *t = atomic_load_explicit(&width_table, memory_order_acquire);

	if (t == NULL) {
		pthread_once(&width_once, width_init);
		t = atomic_load_explicit(&width_table, memory_order_acquire);
	}
	if (cp >= 0x110000)
		return REPLACED;
	return (t[cp >> 2] >> ((cp & 3) * 2)) & 3;
}

/* The placeholder drawn in place of cp, or 0 if cp is drawn as itself. */
static uint32_t
placeholder(uint32_t cp)
{
	if (cp < 0x80 && cp >= 0x20 && cp != 0x7F)
		return 0;
	if (lookup(cp) != REPLACED)
		return 0;
	if (cp < 0x20)
		return 0x2400 + cp;		/* Control Pictures: ␀ ... ␟ */
	if (cp == 0x7F)
		return 0x2421;			/* ␡ */
	if (cp == 0x2028 || cp == 0x2029)
		return '\n';
	return REPLACEMENT;
}

int
text_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x7F && cp >= 0x20)
		return 1;
	w = lookup(cp);
	if (w != REPLACED)
		return w;
	return cp == 0x2028 || cp == 0x2029 ? 0 : 1;
}

size_t
text_width(const char *s, size_t len)
{
	size_t		 i = 0, w = 0;
	uint32_t	 cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			w += text_cp_width((unsigned char)s[i]);
			i++;
			continue;
		}
		i += text_decode(s + i, len - i, &cp);
		w += (size_t)text_cp_width(cp);
	}
	return w;
}

char *
text_sanitize(const char *s, size_t len, size_t *outlen)
{
	struct buf	 b = { 0 };
	uint32_t	 cp, p;
	size_t		 i = 0, n, col = 0, run;

	/* Most text comes out as it went in: room for that at once. */
	buf_grow(&b, len);
	buf_add(&b, "", 0);
	while (i < len) {
		/* Runs of printable ASCII are copied whole. */
		for (run = i; run < len && (unsigned char)s[run] >= 0x20 &&
		    (unsigned char)s[run] < 0x7f; run++)
			;
		if (run > i) {
			buf_add(&b, s + i, run - i);
			col += run - i;
			i = run;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if (cp == '\n') {
			buf_addc(&b, '\n');
			col = 0;
		} else if (cp == '\t') {
			do
				buf_addc(&b, ' ');
			while (++col % TABSTOP != 0);
		} else if ((p = placeholder(cp)) != 0) {
			add_cp(&b, p);
			col = p == '\n' ? 0 : col + 1;
		} else {
			buf_add(&b, s + i, n);
			col += (size_t)text_cp_width(cp);
		}
		i += n;
	}
	return buf_take(&b, outlen);
}

char *
text_clean(const char *s, size_t len, size_t *outlen)
{
	char	*r, *c;
	size_t	 rlen;

	r = text_repair(s, len, &rlen);
	c = text_sanitize(r, rlen, outlen);
	free(r);
	return c;
}
