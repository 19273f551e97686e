/* entity_tok: the tokeniser for text with spaces: words (with the hyphens,
 * apostrophes and initials inside names), numbers, runs of CJK text and
 * punctuation, each with its byte span; and the word lists' lookup. */
#include <stdlib.h>
#include <string.h>

#include "inkstone/util.h"
#include "entity_priv.h"

static int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Letters that may stand before a number with no space: RM100, NT$5. */
static int
currency_prefix(const char *s, size_t n)
{
	static const char *const pre[] = { "RM", "RMB", "NT", "HK", "US", "S",
	    "A", "C", "Rp", "Rs", "USD", "CNY", "JPY", "KRW", "TWD", "EUR",
	    "MYR", "SGD", "HKD" };
	size_t i;

	for (i = 0; i < sizeof pre / sizeof pre[0]; i++)
		if (strlen(pre[i]) == n && memcmp(pre[i], s, n) == 0)
			return 1;
	return 0;
}

/* Abbreviations whose full stop does not end a sentence. */
static int
abbrev(const char *s, size_t n)
{
	static const char *const ab[] = { "Co", "Corp", "Inc", "Ltd", "Mr",
	    "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Prof", "Gen", "Sen", "Rep",
	    "Gov", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
	    "Bhd", "vs", "No" };
	size_t i;

	if (n > 4)
		return 0;
	for (i = 0; i < sizeof ab / sizeof ab[0]; i++)
		if (ab[i][0] == s[0] && strlen(ab[i]) == n &&
		    memcmp(ab[i], s, n) == 0)
			return 1;
	return 0;
}

static int
is_space_cp(uint32_t c)
{
	return c == 0xa0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200b) ||
	    c == 0x202f || c == 0xfeff;
}

/* Latin letters beyond ASCII (é, ü, ō) continue a word. */
static int
is_latin_cp(uint32_t c)
{
	return c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7;
}

static struct tok *
push(struct ext *x, size_t *n)
{
	if (*n == x->captok) {
		x->captok = x->captok ? x->captok * 2 : 256;
		x->tok = xreallocarray(x->tok, x->captok, sizeof *x->tok);
	}
	memset(&x->tok[*n], 0, sizeof x->tok[*n]);
	x->tok[*n].flags = -1;
	return &x->tok[(*n)++];
}

static int
hyphen_compound(const char *t, size_t len, size_t i)
{
	static const char *const w[] = { "based", "listed", "made", "born",
	    "headquartered", "owned", "backed", "led", "run", "funded",
	    "controlled", "affiliated", "linked", "era", "style", "like",
	    "related", "driven", "wide", "level", "scale", "sized" };
	size_t j, l;

	for (j = 0; j < sizeof w / sizeof w[0]; j++) {
		l = strlen(w[j]);
		if (l <= len - i && memcmp(t + i, w[j], l) == 0 &&
		    (i + l == len || !is_alnum((unsigned char)t[i + l])))
			return 1;
	}
	return 0;
}

/* Length of ".com" (".net", ".ai", ...) ending a name at t + j, or 0:
 * "JD.com", "Amazon.com" are one name, not "JD" and a stray word. */
static size_t
web_suffix(const char *t, size_t len, size_t j)
{
	static const char *const w[] = { ".com", ".net", ".org", ".io",
	    ".ai", ".cn" };
	size_t i, l;

	for (i = 0; i < sizeof w / sizeof w[0]; i++) {
		l = strlen(w[i]);
		if (l <= len - j && memcmp(t + j, w[i], l) == 0 &&
		    (j + l == len || !is_alnum((unsigned char)t[j + l])))
			return l;
	}
	return 0;
}

/* Scans a word from i: letters, digits, and - ' ’ & . , inside it. */
static size_t
scan_word(const char *t, size_t len, size_t i, struct tok *k)
{
	size_t		 j = i, n;
	uint32_t	 c;
	int		 digits = is_digit((unsigned char)t[i]);

	/* Initials: "C.C. Wei", "U.S." */
	while (j + 1 < len && is_upper((unsigned char)t[j]) &&
	    t[j + 1] == '.' && (j + 2 >= len ||
	    !is_alnum((unsigned char)t[j + 2]) ||
	    is_upper((unsigned char)t[j + 2])))
		j += 2;
	if (j > i) {
		k->e = (uint32_t)j;
		return j;
	}
	while (j < len) {
		unsigned char u = (unsigned char)t[j];

		if (is_alnum(u)) {
			if (is_digit(u) && !digits && j - i <= 3 &&
			    currency_prefix(t + i, j - i))
				break;
			j++;
			continue;
		}
		if (u >= 0x80) {
			c = entity_u8dec(t + j, len - j, &n);
			if (is_latin_cp(c)) {
				j += n;
				continue;
			}
			/* ’ inside a word: O’Brien, Huang’s */
			if (c == 0x2019 && j + n < len &&
			    is_alnum((unsigned char)t[j + n])) {
				j += n;
				continue;
			}
			break;
		}
		if (j + 1 >= len || !is_alnum((unsigned char)t[j + 1]))
			break;
		/* "Hong Kong-listed", "Alibaba-backed": the name ends at
		 * the hyphen. */
		if (u == '-' && is_upper((unsigned char)t[i]) &&
		    hyphen_compound(t, len, j + 1))
			break;
		if (u == '-' || u == '\'' || u == '&')
			j++;
		else if (u == '.' && is_upper((unsigned char)t[i]) &&
		    (n = web_suffix(t, len, j)) > 0) {
			j += n;
			break;
		} else if ((u == '.' || u == ',') && digits &&
		    is_digit((unsigned char)t[j + 1]))
			j++;
		else
			break;
	}
	k->e = (uint32_t)j;
	/* Possessive 's (or ’s, or the ' of "Citizens'") is not part of
	 * the name. */
	if (j - i > 1 && t[j - 1] == 's' && j + 1 < len && t[j] == '\'' &&
	    !is_alnum((unsigned char)t[j + 1]) &&
	    is_upper((unsigned char)t[i])) {
		k->poss = 1;
		return j + 1;
	}
	if (j - i > 2 && t[j - 1] == 's' && t[j - 2] == '\'') {
		k->e -= 2;
		k->poss = 1;
	} else if (j - i > 4 && t[j - 1] == 's' &&
	    memcmp(t + j - 4, "\xe2\x80\x99", 3) == 0) {
		k->e -= 4;
		k->poss = 1;
	}
	return j;
}

static void
classify(const char *t, struct tok *k)
{
	size_t	 i, letters = 0, upper = 0;
	int	 hy = 0;

	if (is_digit((unsigned char)t[k->s]))
		k->kind = K_NUM;
	else
		k->kind = is_upper((unsigned char)t[k->s]) ? K_CAP : K_LOW;
	for (i = k->s; i < k->e; i++) {
		unsigned char u = (unsigned char)t[i];

		if ((u >= 'a' && u <= 'z') || is_upper(u)) {
			letters++;
			upper += is_upper(u);
			if (hy && u >= 'a' && u <= 'z')
				k->hyname = 1;
			hy = 0;
		} else
			hy = u == '-';
	}
	k->allcaps = letters >= 2 && upper == letters && t[k->e - 1] != '.';
	if (k->kind == K_CAP && k->allcaps)
		k->hyname = 0;
}

/* Splits paragraph text into tokens in x->tok; returns their number. */
size_t
entity_tokenise(struct ext *x, const char *t, size_t len)
{
	struct tok	*k;
	size_t		 i = 0, n = 0, m;
	uint32_t	 c;
	int		 sp = 1;

	while (i < len) {
		unsigned char u = (unsigned char)t[i];

		if (u == ' ' || u == '\t' || u == '\n' || u == '\r') {
			sp = 1;
			i++;
			continue;
		}
		if (is_alnum(u)) {
			k = push(x, &n);
			k->s = (uint32_t)i;
			k->sp = (uint8_t)sp;
			i = scan_word(t, len, i, k);
			classify(t, k);
			/* "Co." and "Mr.": the stop is part of the word. */
			if (i < len && t[i] == '.' &&
			    abbrev(t + k->s, k->e - k->s))
				i++;
			sp = 0;
			continue;
		}
		if (u < 0x80) {
			k = push(x, &n);
			k->s = (uint32_t)i;
			k->e = (uint32_t)i + 1;
			k->kind = K_PUNCT;
			k->cp = u;
			k->sp = (uint8_t)sp;
			sp = 0;
			i++;
			continue;
		}
		c = entity_u8dec(t + i, len - i, &m);
		if (is_space_cp(c)) {
			sp = 1;
			i += m;
			continue;
		}
		k = push(x, &n);
		k->s = (uint32_t)i;
		k->sp = (uint8_t)sp;
		sp = 0;
		if (entity_is_cjk(c) || (c >= 0xff10 && c <= 0xff19)) {
			/* A CJK run, full-width digits and all. */
			k->kind = K_CJK;
			i += m;
			while (i < len) {
				c = entity_u8dec(t + i, len - i, &m);
				if (!entity_is_cjk(c) &&
				    !(c >= 0xff10 && c <= 0xff19))
					break;
				i += m;
			}
			k->e = (uint32_t)i;
		} else if (is_latin_cp(c)) {
			i = scan_word(t, len, i, k);
			k->kind = c < 0xdf ? K_CAP : K_LOW;
		} else {
			k->kind = K_PUNCT;
			k->cp = c;
			i += m;
			k->e = (uint32_t)i;
		}
	}
	return n;
}

int
entity_tok_flags(const struct ext *x, const char *t, struct tok *k)
{
	int *v;

	if (k->flags == -1) {
		k->flags = 0;
		if (k->kind == K_CAP || k->kind == K_LOW) {
			v = entity_map_get(&x->db->words, t + k->s,
			    k->e - k->s);
			if (v != NULL)
				k->flags = *v;
		}
	}
	return k->flags;
}


/* A key: the text of [s, e) with every run of white space made one space. */
char *
entity_key(const char *t, size_t s, size_t e)
{
	char	*k = xmalloc(e - s + 1), *o = k;
	size_t	 i;
	int	 sp = 0;

	for (i = s; i < e; i++) {
		if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n') {
			sp = 1;
			continue;
		}
		if (sp && o != k)
			*o++ = ' ';
		sp = 0;
		*o++ = t[i];
	}
	*o = '\0';
	return k;
}


