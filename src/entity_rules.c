/* entity_rules: the rules for text written with spaces (English and the
 * like): a tokeniser, capitalised sequences split at the words that are never
 * names, the evidence around each (titles, roles, "said", suffixes), datelines,
 * aliases in parentheses, and money, percent and date patterns. */
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
	    "controlled", "affiliated", "linked" };
	size_t j, l;

	for (j = 0; j < sizeof w / sizeof w[0]; j++) {
		l = strlen(w[j]);
		if (l <= len - i && memcmp(t + i, w[j], l) == 0 &&
		    (i + l == len || !is_alnum((unsigned char)t[i + l])))
			return 1;
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
	while (j + 1 < len && is_upper((unsigned char)t[j]) && t[j + 1] == '.' &&
	    (j + 2 >= len || !is_alnum((unsigned char)t[j + 2]) ||
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
		else if ((u == '.' || u == ',') && digits &&
		    is_digit((unsigned char)t[j + 1]))
			j++;
		else
			break;
	}
	k->e = (uint32_t)j;
	/* Possessive 's (or ’s, or the ' of "Citizens'") is not part of
	 * the name. */
	if (j - i > 1 && t[j - 1] == 's' && j + 1 < len && t[j] == '\'' &&
	    !is_alnum((unsigned char)t[j + 1]) && is_upper((unsigned char)t[i])) {
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
static size_t
tokenise(struct ext *x, const char *t, size_t len)
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
tok_flags(const struct ext *x, const char *t, struct tok *k)
{
	int *v;

	if (k->flags == -1) {
		k->flags = 0;
		if (k->kind == K_CAP || k->kind == K_LOW) {
			v = strmap_get(&x->db->words, t + k->s, k->e - k->s);
			if (v != NULL)
				k->flags = *v;
		}
	}
	return k->flags;
}


static int
punct_is(const struct tok *k, uint32_t c)
{
	return k->kind == K_PUNCT && k->cp == c;
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


static int
is_open(uint32_t c)
{
	return c == '"' || c == '\'' || c == '(' || c == '[' ||
	    c == 0x201c || c == 0x2018 || c == 0x300c || c == 0xff08;
}

/* Whether token i starts a sentence (opening quotes skipped). */
static int
sent_start(const struct tok *k, size_t i)
{
	uint32_t c;

	while (i > 0 && k[i - 1].kind == K_PUNCT && is_open(k[i - 1].cp))
		i--;
	if (i == 0)
		return 1;
	if (k[i - 1].kind != K_PUNCT)
		return 0;
	c = k[i - 1].cp;
	if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
	    c == 0x3002 || c == 0xff1a)
		return 1;
	/* A bullet at the start of the paragraph. */
	return i == 1 && (c == '-' || c == '*' || c == 0x2022 || c == 0xb7);
}

/* Headline case: most words capitalised.  Only the gazetteer, acronyms
 * and numbers are trusted there. */
static int
headline(const char *t, const struct tok *k, size_t n)
{
	static const char *const small[] = { "a", "an", "the", "of", "and",
	    "or", "in", "on", "at", "to", "for", "by", "with", "as", "vs" };
	size_t	 i, j, w = 0, cap = 0;

	if (n > 60)
		return 0;	/* headlines are short */
	for (i = 0; i < n; i++) {
		if (k[i].kind == K_CAP) {
			w++;
			cap++;
		} else if (k[i].kind == K_LOW) {
			for (j = 0; j < sizeof small / sizeof small[0]; j++)
				if (tok_word_is(t, &k[i], small[j]))
					break;
			if (j == sizeof small / sizeof small[0])
				w++;
		}
	}
	return w >= 4 && cap * 10 >= w * 8;
}

/* Adjacent: only white space between tokens a and b (a before b). */
static int
adjacent(const struct tok *a, const struct tok *b)
{
	(void)a;
	return b->sp;
}

/* A word that ends a capitalised run as a name: stop words, months,
 * weekdays, nationalities, titles, capitalised roles. */
static int
split_word(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t i)
{
	static const char *const plain[] = { "January", "February", "March",
	    "July", "September", "October", "November", "December" };
	size_t	 j;
	int	 f = tok_flags(x, t, &k[i]);

	/* "Lei Jun", "May Chen", "June Lee": a month that may be a name is
	 * one when it stands beside another capitalised word. */
	if (f & W_MONTH) {
		for (j = 0; j < sizeof plain / sizeof plain[0]; j++)
			if (tok_word_is(t, &k[i], plain[j]))
				return 1;
		if ((i > 0 && k[i - 1].kind == K_CAP && k[i].sp) ||
		    (i + 1 < n && k[i + 1].kind == K_CAP && k[i + 1].sp))
			return (f & ~W_MONTH) & (W_STOP | W_NATION | W_TITLE);
		return 1;
	}
	if (f & (W_STOP | W_WEEKDAY | W_NATION | W_TITLE))
		return 1;
	return (f & W_CROLE) && k[i].kind == K_CAP;
}


static void
title_case(char *s)
{
	int first = 1;

	for (; *s != '\0'; s++) {
		if (*s >= 'A' && *s <= 'Z' && !first)
			*s = (char)(*s - 'A' + 'a');
		first = *s == ' ' || *s == '-';
	}
}

/* Gazetteer entity for exactly the string key, or -1. */
static int
gz_exact(const struct entity_db *db, const char *key)
{
	size_t	 len = strlen(key);
	int	 ent;

	if (ext_gz_match(db, key, len, &ent) == len && len > 0)
		return ent;
	return -1;
}

/* "(TSMC)", "(習近平)", "(TSMC, 台積電)" after the form key: aliases.
 * Returns 1 if a CJK alias was found, | 2 if an acronym was. */
static int
parens(struct ext *x, uint32_t para, const char *t, struct tok *k, size_t n,
    size_t j, const char *key)
{
	size_t	 a, b, end, m;
	int	 cjk = 0, hascjk;
	char	*ak;

	if (j >= n || !(punct_is(&k[j], '(') || punct_is(&k[j], 0xff08)))
		return 0;
	for (end = j + 1; end < n && end < j + 16; end++)
		if (punct_is(&k[end], ')') || punct_is(&k[end], 0xff09))
			break;
	if (end >= n || end == j + 16)
		return 0;
	for (a = j + 1; a < end; a = b + 1) {
		for (b = a; b < end; b++)
			if (punct_is(&k[b], ',') || punct_is(&k[b], 0xff0c) ||
			    punct_is(&k[b], 0x3001) || punct_is(&k[b], ';') ||
			    punct_is(&k[b], 0xff1b) || punct_is(&k[b], '/'))
				break;
		/* A CJK name, maybe with Latin letters in it (SK하이닉스). */
		for (m = a, hascjk = 0; m < b; m++) {
			hascjk |= k[m].kind == K_CJK;
			if (m > a && k[m].sp)
				break;
		}
		if (m == b && hascjk) {
			ak = entity_key(t, k[a].s, k[b - 1].e);
			ext_alias(x, key, strlen(key), ak, strlen(ak));
			ext_add(x, para, k[a].s, k[b - 1].e, ak,
			    gz_exact(x->db, ak), -1)->flags |= C_KEEP;
			for (m = a; m < b; m++)
				k[m].done = 1;
			cjk = 1;
		} else if (b != a + 1)
			continue;
		else if (k[a].kind == K_CAP && (k[a].allcaps ||
		    (t[k[a].s] == key[0] && k[a].e - k[a].s <= 6 &&
		    strchr(key, ' ') != NULL))) {
			/* "(TSMC)", "(Mida)" */
			ext_alias(x, key, strlen(key), t + k[a].s,
			    k[a].e - k[a].s);
			cjk |= 2;
		}
	}
	return cjk;
}

/* In a list ("Sony Group and NTT", "Hiroshima and Idaho") a name takes
 * the kind of the name before it. */
static void
coordinated(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t p, size_t q, int *ev)
{
	const struct cand	*c;
	int			 j;

	if (p < 2 || x->nc == 0)
		return;
	c = &x->c[x->nc - 1];
	if (c->end != k[p - 2].e || c->type >= 0)
		return;
	if (tok_word_is(t, &k[p - 1], "and") || tok_word_is(t, &k[p - 1], "or"))
		;
	else if (!(punct_is(&k[p - 1], ',') && q < n &&
	    (punct_is(&k[q], ',') || tok_word_is(t, &k[q], "and"))))
		return;
	if (c->gz >= 0 && x->db->ents[c->gz].type <= ENTITY_PLACE)
		ev[x->db->ents[c->gz].type] += 2;
	for (j = 0; c->gz < 0 && j < 3; j++)
		if (c->ev[j] >= 2)
			ev[j] += 2;
}

/* Evidence for the name in tokens [p, q). */
static void
evidence(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t p, size_t q, int *ev, unsigned *flags)
{
	struct tok	*pr = p > 0 ? &k[p - 1] : NULL, *nx = q < n ? &k[q] : NULL;
	int		 multi = q - p > 1, pf, nf, lastf, firstf;
	size_t		 i;

	lastf = tok_flags(x, t, &k[q - 1]);
	firstf = tok_flags(x, t, &k[p]);
	/* A suffix outweighs a title or "said" around the name: "the
	 * General Statistics Office said". */
	if (multi && (lastf & W_ORGSUF))
		ev[1] += 5;
	else if (multi && (lastf & W_PLACESUF))
		ev[2] += 5;
	else if (multi && (firstf & W_ORGHEAD))
		ev[1] += 3;
	else
		for (i = p; multi && i + 1 < q; i++)
			if ((tok_flags(x, t, &k[i]) & W_ORGHEAD) &&
			    (tok_word_is(t, &k[i + 1], "of") ||
			    tok_word_is(t, &k[i + 1], "for"))) {
				ev[1] += 3;	/* State Bank of Vietnam */
				break;
			}
	*flags |= C_NAMELIKE;
	for (i = p; i < q; i++) {
		if (k[i].kind != K_CAP)
			continue;
		if (k[i].allcaps || (tok_flags(x, t, &k[i]) &
		    (W_ORGSUF | W_PLACESUF | W_ORGHEAD)) ||
		    is_digit((unsigned char)t[k[i].e - 1]))
			*flags &= ~C_NAMELIKE;
		if (k[i].hyname && multi)
			ev[0] += 1;
	}
	if (q - p > 4)
		*flags &= ~C_NAMELIKE;
	if (pr != NULL && pr->kind != K_PUNCT && adjacent(pr, &k[p])) {
		pf = tok_flags(x, t, pr);
		if ((pf & W_TITLE) || ((pf & W_CROLE) && pr->kind == K_CAP))
			ev[0] += 3;
		else if (pf & (W_CROLE | W_GROLE))
			ev[0] += 2;
		if (pf & W_SAY)
			ev[0] += multi ? 2 : 1;
		if (tok_word_is(t, pr, "of") || tok_word_is(t, pr, "for")) {
			*flags |= C_NOTPERSON;
			if (p >= 2 && (tok_flags(x, t, &k[p - 2]) & W_CROLE))
				ev[1] += 2;
		}
		/* "an analyst at Omdia" */
		if (tok_word_is(t, pr, "at")) {
			ev[1] += 2;
			*flags |= C_NOTPERSON;
		}
		if ((pf & W_PLACEPREP) && !k[q - 1].poss && (p < 2 ||
		    !(tok_word_is(t, &k[p - 2], "stake") ||
		    tok_word_is(t, &k[p - 2], "invested") ||
		    tok_word_is(t, &k[p - 2], "shares"))))
			ev[2] += 2;
		/* "chip venture Rapidus", "Hsinchu-based Zentrix" */
		if ((pf & (W_ORGNOUN | W_HYPLACE | W_HYPORG)) && !pr->poss)
			ev[1] += 2;
	}
	coordinated(x, t, k, n, p, q, ev);
	if (nx == NULL)
		return;
	/* "Hong Kong-listed", "Alibaba-backed" */
	if (punct_is(nx, '-') && !nx->sp && q + 1 < n && !k[q + 1].sp) {
		nf = tok_flags(x, t, &k[q + 1]);
		if (nf & W_HYPLACE)
			ev[2] += 3;
		if (nf & W_HYPORG)
			ev[1] += 2;
		*flags |= C_NOTPERSON;
	}
	if (nx->kind != K_PUNCT && adjacent(&k[q - 1], nx)) {
		nf = tok_flags(x, t, nx);
		if ((nf & W_PLACENOUN) && !k[q - 1].poss)
			ev[2] += 3;	/* "Anhui province" */
		if ((nf & W_SAY) && !k[q - 1].poss)
			ev[0] += multi ? 2 : 1;
		if (nf & W_CROLE) {
			ev[1] += 2;
			*flags |= C_NOTPERSON;
		} else if (nf & (W_TITLE | W_GROLE))
			*flags |= C_NOTPERSON;
	}
	if (punct_is(nx, ',')) {
		for (i = q + 1; i < n && i < q + 9; i++) {
			if (k[i].kind == K_PUNCT)
				break;
			if (i == q + 1 && tok_word_is(t, &k[i], "who"))
				ev[0] += 1;
			if (k[i].kind == K_LOW &&
			    (tok_flags(x, t, &k[i]) & (W_CROLE | W_GROLE))) {
				ev[0] += 2;
				break;
			}
			/* "Moonshot AI, a Beijing start-up" */
			if (k[i].kind == K_LOW && !k[i].poss &&
			    (tok_flags(x, t, &k[i]) & W_ORGNOUN)) {
				ev[1] += 2;
				break;
			}
		}
		if (q + 2 < n && k[q + 1].kind == K_NUM &&
		    punct_is(&k[q + 2], ','))
			ev[0] += 1;
	}
}

/* Emits the rule name in tokens [p, q). */
static void
emit_rule(struct ext *x, uint32_t para, const char *t, struct tok *k,
    size_t n, size_t p, size_t q, unsigned flags)
{
	struct cand	*c;
	int		 ev[3] = { 0, 0, 0 };
	char		*key;
	size_t		 ci;

	if (q == p + 1 && k[p].e - k[p].s < 2)
		return;
	evidence(x, t, k, n, p, q, ev, &flags);
	if (q - p > 1)
		flags |= C_MULTI;
	key = entity_key(t, k[p].s, k[q - 1].e);
	c = ext_add(x, para, k[p].s, k[q - 1].e, key, -1, -1);
	memcpy(c->ev, ev, sizeof ev);
	c->flags |= flags;
	ci = x->nc - 1;
	switch (parens(x, para, t, k, n, q, x->c[ci].key)) {
	case 0:
		break;
	case 2:
		/* An acronym is defined for organisations, not people. */
		x->c[ci].ev[1] += 2;
		break;
	default:
		x->c[ci].flags |= C_KEEP;
		break;
	}
}

static void
emit_gz(struct ext *x, uint32_t para, const char *t, struct tok *k,
    size_t n, size_t p, size_t q, int ent)
{
	size_t ci;

	ext_add(x, para, k[p].s, k[q - 1].e, entity_key(t, k[p].s,
	    k[q - 1].e), ent, -1);
	ci = x->nc - 1;
	parens(x, para, t, k, n, q, x->c[ci].key);
}

/* Whether the connector at j joins the run [i, j) to the word after it. */
static int
connects(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t i, size_t j)
{
	size_t	 m;
	int	 head = 0, of = 0;

	if (j + 1 >= n || k[j + 1].kind != K_CAP || !k[j + 1].sp ||
	    k[j - 1].poss)
		return 0;
	if (punct_is(&k[j], '&'))
		return k[j].sp;
	if (k[j].kind != K_LOW && !punct_is(&k[j], ','))
		return 0;
	if (k[j].kind == K_LOW && (tok_flags(x, t, &k[j]) & W_NAMEJOIN))
		return k[j].sp;
	for (m = i; m < j; m++) {
		if (k[m].kind == K_CAP &&
		    (tok_flags(x, t, &k[m]) & W_ORGHEAD))
			head = 1;
		if (tok_word_is(t, &k[m], "of") || tok_word_is(t, &k[m], "for"))
			of = 1;
		if (split_word(x, t, k, n, m))
			head = of = 0;
	}
	if (tok_word_is(t, &k[j], "of") || tok_word_is(t, &k[j], "for"))
		return head;
	/* "Vietnam Industry Research and Consultancy" */
	if (tok_word_is(t, &k[j], "and"))
		return k[j].sp && ((head && of) ||
		    ((tok_flags(x, t, &k[j + 1]) & W_ORGSUF) &&
		    (j + 2 >= n || !(tok_flags(x, t, &k[j + 2]) & W_TITLE))));
	/* "Ministry of Economy, Trade and Industry" */
	return punct_is(&k[j], ',') && head && of && j + 3 < n &&
	    tok_word_is(t, &k[j + 2], "and") && k[j + 3].kind == K_CAP;
}

/* Whether the run may go on past the possessive at token m: "Taiwan
 * People's Party", "Green Citizens' Action Alliance". */
static int
poss_goes_on(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t m)
{
	size_t j;

	if (!k[m].poss)
		return 1;
	for (j = m + 1; j < n && j <= m + 4 && k[j].kind == K_CAP && k[j].sp;
	    j++) {
		if (split_word(x, t, k, n, j))
			return 0;
		if (tok_flags(x, t, &k[j]) & W_ORGSUF)
			return 1;
	}
	return 0;
}

/* A nationality or a title that begins an organisation's name: "Malaysian
 * Investment Development Authority", "General Statistics Office". */
static int
nation_org(const struct ext *x, const char *t, struct tok *k, size_t end,
    size_t p)
{
	size_t q;

	if (!(tok_flags(x, t, &k[p]) & (W_NATION | W_TITLE)))
		return 0;
	for (q = p + 1; q < end && !split_word(x, t, k, end, q); q++)
		;
	return q > p + 1 && (tok_flags(x, t, &k[q - 1]) & W_ORGSUF);
}

/* "(JASM)" at token q: an acronym defined for what stands before. */
static int
acronym_follows(const struct tok *k, size_t n, size_t q)
{
	return q + 2 < n && punct_is(&k[q], '(') && k[q + 1].kind == K_CAP &&
	    k[q + 1].allcaps && punct_is(&k[q + 2], ')');
}

/* Gazetteer match at token p within the run: its length in bytes, the
 * token after it in *gq, the entity in *ent; 0 if none ends on a token. */
static size_t
gz_at(const struct ext *x, const char *t, size_t len, const struct tok *k,
    size_t n, size_t p, size_t *gq, int *ent)
{
	size_t g = ext_gz_match(x->db, t + k[p].s, len - k[p].s, ent);

	for (*gq = p; g > 0 && *gq < n && k[*gq].s < k[p].s + g; (*gq)++)
		;
	if (g > 0 && k[*gq - 1].e != k[p].s + g)
		return 0;
	return g;
}

/* A capitalised run from token i: split it into names and emit them.
 * Returns the token after the run. */
static size_t
cap_run(struct ext *x, uint32_t para, const char *t, size_t len,
    struct tok *k, size_t n, size_t i, int hl)
{
	size_t		 end = i + 1, p, q, g, gq = 0, sq = i, os = 0, om = 0;
	unsigned	 fl;
	int		 ent;

	while (end < n && poss_goes_on(x, t, k, n, end - 1)) {
		if (k[end].kind == K_CAP && k[end].sp && !k[end].done)
			end++;
		else if (connects(x, t, k, n, i, end))
			end += 2;
		else
			break;
	}
	for (p = i; p < end; p = q) {
		fl = hl || (p == i && sent_start(k, p)) ? C_SENTINIT : 0;
		g = gz_at(x, t, len, k, n, p, &gq, &ent);
		/* "Rival Samsung Electronics" at a sentence start. */
		if (g == 0 && fl && p + 1 < end && !hl &&
		    gz_at(x, t, len, k, n, p + 1, &q, &ent) > 0) {
			q = p + 1;
			continue;
		}
		if (g == 0 && split_word(x, t, k, n, p) &&
		    !nation_org(x, t, k, end, p)) {
			q = p + 1;
			continue;
		}
		/*
		 * The next split word (sq) and the next organisation word (om,
		 * looked for from os) are kept from one name to the next: found
		 * afresh for each name, they made a run of gazetteer names
		 * ("TSMC TSMC ...") quadratic.  p only grows, so sq stays the
		 * first split word after p while sq > p.
		 */
		if (sq <= p)
			for (sq = p + 1; sq < end && !split_word(x, t, k, n, sq);
			    sq++)
				;
		q = sq;
		/* A longer organisation's name that begins with a gazetteer
		 * name: "China University of ...", "Japan Advanced
		 * Semiconductor Manufacturing (JASM)". */
		if (g > 0 && gq <= q && (os == 0 || os > gq || om < gq)) {
			for (om = gq; om < end && !(tok_flags(x, t, &k[om]) &
			    (W_ORGSUF | W_ORGHEAD)); om++)
				;
			os = gq;
		}
		if (g > 0 && gq <= q && om >= q &&
		    !(gq < q && acronym_follows(k, n, q))) {
			emit_gz(x, para, t, k, n, p, gq, ent);
			q = gq;
			continue;
		}
		emit_rule(x, para, t, k, n, p, q, fl);
	}
	return end;
}

/* "TAIPEI, Taiwan:" or "HSINCHU (Reuters) -" at the start of a paragraph.
 * Returns the token after it (0 if there is none). */
static size_t
dateline(struct ext *x, uint32_t para, const char *t, size_t len,
    struct tok *k, size_t n)
{
	struct cand	*c;
	size_t		 q = 0, p;
	char		*key;
	int		 ent;

	/* A byline: "By NG SU LING", "By Anna Berg" */
	if (n >= 3 && n <= 5 && tok_word_is(t, &k[0], "By")) {
		for (q = 1; q < n && k[q].kind == K_CAP; q++)
			;
		if (q < n)
			return 0;
		key = entity_key(t, k[1].s, k[n - 1].e);
		title_case(key);
		c = ext_add(x, para, k[1].s, k[n - 1].e, key, -1, -1);
		c->ev[0] += 3;
		c->flags |= C_KEEP | C_MULTI;
		return n;
	}
	while (q < n && k[q].kind == K_CAP && k[q].allcaps &&
	    k[q].e - k[q].s >= 3)
		q++;
	if (q == 0 || q >= n || k[q].kind != K_PUNCT)
		return 0;
	if (!(k[q].cp == ',' || k[q].cp == ':' || k[q].cp == '(' ||
	    k[q].cp == 0x2014 || k[q].cp == 0x2013 || k[q].cp == '-'))
		return 0;
	key = entity_key(t, k[0].s, k[q - 1].e);
	title_case(key);
	c = ext_add(x, para, k[0].s, k[q - 1].e, key, gz_exact(x->db, key), -1);
	c->ev[2] += 3;
	c->flags |= C_KEEP;
	if (k[q].cp != ',')
		return q;
	/* ", Taiwan:" */
	for (p = ++q; q < n && k[q].kind == K_CAP; q++)
		;
	if (q == p || q >= n || !(punct_is(&k[q], ':') ||
	    punct_is(&k[q], 0x2014) || punct_is(&k[q], '-') ||
	    punct_is(&k[q], '(')))
		return p;
	key = entity_key(t, k[p].s, k[q - 1].e);
	ent = -1;
	if (ext_gz_match(x->db, key, strlen(key), &ent) != strlen(key))
		ent = -1;
	c = ext_add(x, para, k[p].s, k[q - 1].e, key, ent, -1);
	c->ev[2] += 3;
	c->flags |= C_KEEP;
	(void)len;
	return q;
}

static int
currency_sign(uint32_t c)
{
	return c == '$' || c == 0x20ac || c == 0xa3 || c == 0xa5 ||
	    c == 0x20a9 || c == 0xffe5;
}

void
rules_para(struct ext *x, uint32_t para, const char *t, size_t len)
{
	struct tok	*k;
	size_t		 n, i, done = 0, e;
	int		 hl;

	n = tokenise(x, t, len);
	k = x->tok;
	hl = headline(t, k, n);
	i = dateline(x, para, t, len, k, n);
	while (i < n) {
		if (k[i].done || k[i].e <= done) {
			i++;
			continue;
		}
		if (k[i].kind == K_CJK) {
			cjk_run(x, para, t, k[i].s > done ? k[i].s : done,
			    k[i].e);
			i++;
			continue;
		}
		if (k[i].kind == K_NUM || k[i].kind == K_CAP ||
		    (k[i].kind == K_PUNCT && currency_sign(k[i].cp))) {
			e = num_match(x, para, t, len, k, n, i);
			/* 2024年, 100億元, 25％: CJK right after it. */
			if (e == 0 && k[i].kind == K_NUM && k[i].e < len &&
			    (unsigned char)t[k[i].e] >= 0x80)
				e = cjk_number(x, para, t, len, k[i].s);
			if (e != 0) {
				done = e;
				while (i < n && k[i].e <= e)
					i++;
				continue;
			}
		}
		if (k[i].kind == K_CAP)
			i = cap_run(x, para, t, len, k, n, i, hl);
		else
			i++;
	}
}
