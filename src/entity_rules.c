/* entity_rules: the rules for text written with spaces (English and the
 * like): capitalised runs split at the words that are never names, the
 * evidence around each name (titles, roles, "said", suffixes, lists),
 * datelines and bylines, and aliases in parentheses. */
#include <stdlib.h>
#include <string.h>

#include "inkstone/util.h"
#include "entity_priv.h"

/* Every function here has the paragraph text in t and the state in x. */
#define word_is(k, w)	entity_tok_word_is(t, (k), (w))
#define wflags(k)	entity_tok_flags(x, t, (k))
#define punct_is(k, c)	entity_tok_punct_is((k), (c))


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
				if (word_is(&k[i], small[j]))
					break;
			if (j == sizeof small / sizeof small[0])
				w++;
		}
	}
	return w >= 4 && cap * 10 >= w * 8;
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
	int	 f = wflags(&k[i]);

	/* "Lei Jun", "May Chen", "June Lee": a month that may be a name is
	 * one when it stands beside another capitalised word. */
	if (f & W_MONTH) {
		for (j = 0; j < sizeof plain / sizeof plain[0]; j++)
			if (word_is(&k[i], plain[j]))
				return 1;
		if ((i > 0 && k[i - 1].kind == K_CAP && k[i].sp) ||
		    (i + 1 < n && k[i + 1].kind == K_CAP && k[i + 1].sp))
			return (f & ~W_MONTH) & (W_STOP | W_NATION | W_TITLE);
		return 1;
	}
	/* "He Lifeng", "An Duk-geun": surnames that are also stop words. */
	if ((f & W_STOP) && (word_is(&k[i], "He") || word_is(&k[i], "An")) &&
	    i + 1 < n && k[i + 1].kind == K_CAP && k[i + 1].sp &&
	    !k[i + 1].allcaps)
		return 0;
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

	if (entity_ext_gz_match(db, key, len, &ent) == len && len > 0)
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
			entity_ext_alias(x, key, strlen(key), ak, strlen(ak));
			entity_ext_add(x, para, k[a].s, k[b - 1].e, ak,
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
			entity_ext_alias(x, key, strlen(key), t + k[a].s,
			    k[a].e - k[a].s);
			cjk |= 2;
		}
	}
	return cjk;
}

/* Emits the rule name in tokens [p, q). */
static void
emit_rule(struct ext *x, uint32_t para, const char *t, struct tok *k,
    size_t n, size_t p, size_t q, unsigned flags)
{
	struct cand	*c;
	int		 ev[3] = { 0, 0, 0 }, coord;
	char		*key;
	size_t		 ci;

	if (q == p + 1 && k[p].e - k[p].s < 2)
		return;
	entity_evidence(x, t, k, n, p, q, ev, &flags, &coord);
	/* "AI chips", "head of AI policy": a short acronym before a noun
	 * is a modifier; it names something only if the text defined it. */
	if (q == p + 1 && k[p].allcaps && k[p].e - k[p].s <= 3 && q < n &&
	    k[q].kind == K_LOW && !(wflags(&k[q]) & (W_FUNC | W_SAY)))
		memset(ev, 0, sizeof ev);
	if (q - p > 1)
		flags |= C_MULTI;
	key = entity_key(t, k[p].s, k[q - 1].e);
	/* A gazetteer name broken over two lines ("People's\nBank of
	 * China") is still the gazetteer's once its white space is one
	 * (the same bytes gz_at() already looked up). */
	c = entity_ext_add(x, para, k[p].s, k[q - 1].e, key,
	    strlen(key) != k[q - 1].e - k[p].s ? gz_exact(x->db, key) : -1,
	    -1);
	memcpy(c->ev, ev, sizeof ev);
	c->flags |= flags;
	c->coord = coord;
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

	entity_ext_add(x, para, k[p].s, k[q - 1].e, entity_key(t, k[p].s,
	    k[q - 1].e), ent, -1);
	ci = x->nc - 1;
	parens(x, para, t, k, n, q, x->c[ci].key);
}

/* Whether a gazetteer name starts at token i. */
static int
gz_starts(const struct ext *x, const char *t, size_t len, const struct tok *k,
    size_t i)
{
	int ent;

	return entity_ext_gz_match(x->db, t + k[i].s, len - k[i].s, &ent) > 0;
}

/* Whether the connector at j joins the run [i, j) to the word after it:
 * 0, or the number of connecting tokens. */
static int
connects(const struct ext *x, const char *t, size_t len, struct tok *k,
    size_t n, size_t i, size_t j)
{
	size_t	 m;
	int	 head = 0, of = 0, the = 0;

	/* "China Council for the Promotion of International Trade" */
	if (j + 2 < n && (word_is(&k[j], "of") || word_is(&k[j], "for")) &&
	    word_is(&k[j + 1], "the") && k[j + 2].kind == K_CAP)
		the = 1;
	if (j + 1 + the >= n || k[j + 1 + the].kind != K_CAP ||
	    !k[j + 1].sp || k[j - 1].poss)
		return 0;
	if (punct_is(&k[j], '&'))
		return k[j].sp;
	if (k[j].kind != K_LOW && !punct_is(&k[j], ','))
		return 0;
	if (k[j].kind == K_LOW && (wflags(&k[j]) & W_NAMEJOIN))
		return k[j].sp;
	for (m = i; m < j; m++) {
		if (k[m].kind == K_CAP &&
		    (wflags(&k[m]) & W_ORGHEAD))
			head = 1;
		if (word_is(&k[m], "of") || word_is(&k[m], "for"))
			of = 1;
		if (split_word(x, t, k, n, m))
			head = of = 0;
	}
	if (word_is(&k[j], "of") || word_is(&k[j], "for"))
		return head ? 1 + the : 0;
	/* "Vietnam Industry Research and Consultancy" */
	if (word_is(&k[j], "and"))
		return k[j].sp && ((head && of) ||
		    ((wflags(&k[j + 1]) & W_ORGSUF) &&
		    (j + 2 >= n || !(wflags(&k[j + 2]) & W_TITLE))) ||
		    ((wflags(&k[j - 1]) & W_ORGSUF) && j + 2 < n &&
		    k[j + 2].kind == K_CAP && k[j + 2].sp &&
		    (wflags(&k[j + 2]) & W_ORGSUF) && !k[j + 1].allcaps &&
		    !gz_starts(x, t, len, k, i) &&
		    !gz_starts(x, t, len, k, j + 1)));
	/* "Ministry of Economy, Trade and Industry" */
	return punct_is(&k[j], ',') && head && of && j + 3 < n &&
	    word_is(&k[j + 2], "and") && k[j + 3].kind == K_CAP;
}

/* A capitalised plural that is not a name: "People", "Women". */
static int
plural_noun(const char *t, const struct tok *k)
{
	static const char *const w[] = { "People", "Children", "Women",
	    "Men", "Workers" };
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (word_is(k, w[i]))
			return 1;
	return 0;
}

/* Whether the run may go on past the possessive at token m: "Taiwan
 * People's Party", "Green Citizens' Action Alliance". */
static int
poss_goes_on(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t i, size_t m)
{
	size_t	 j;
	int	 want = W_ORGSUF;

	if (!k[m].poss)
		return 1;
	/* "China's Ministry of Commerce", "Samsung's chief": a name's own
	 * possessive ends it.  A plural noun's does not, since no name is
	 * one alone: "People's Bank of China", "Children's Hospital". */
	if (m == i) {
		if (!plural_noun(t, &k[m]))
			return 0;
		want |= W_ORGHEAD;	/* "People's Republic of China" */
	}
	for (j = m + 1; j < n && j <= m + 4 && k[j].kind == K_CAP && k[j].sp;
	    j++) {
		if (split_word(x, t, k, n, j))
			return 0;
		if (wflags(&k[j]) & want)
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

	if (!(wflags(&k[p]) & (W_NATION | W_TITLE)))
		return 0;
	for (q = p + 1; q < end && !split_word(x, t, k, end, q); q++)
		;
	return q > p + 1 && (wflags(&k[q - 1]) & W_ORGSUF);
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
	size_t g = entity_ext_gz_match(x->db, t + k[p].s, len - k[p].s, ent);

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
	size_t		 end = i + 1, p, q, g, gq = 0, m, sq = i, os = 0, om = 0;
	int		 c, whole;
	unsigned	 fl;
	int		 ent;

	while (end < n && poss_goes_on(x, t, k, n, i, end - 1)) {
		if (k[end].kind == K_CAP && k[end].sp && !k[end].done)
			end++;
		else if ((c = connects(x, t, len, k, n, i, end)) > 0)
			end += (size_t)c + 1;
		else
			break;
	}
	for (p = i; p < end; p = q) {
		fl = hl || (p == i && sent_start(k, p)) ? C_SENTINIT : 0;
		g = gz_at(x, t, len, k, n, p, &gq, &ent);
		/* "Rival Samsung Electronics" at a sentence start; but a
		 * possessive the run went on past is the name's own
		 * ("People's\nBank of China", not "Bank of China"). */
		if (g == 0 && fl && p + 1 < end && !hl && !k[p].poss &&
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
		/* "JD.com", "People's Bank of China": a gazetteer name longer
		 * than the rule's name (past a split word or the end of the
		 * run) is taken whole. */
		if (g > 0 && gq > q) {
			emit_gz(x, para, t, k, n, p, gq, ent);
			q = gq;
			if (q > end) {
				end = q;
				os = 0;
			}
			continue;
		}
		/* "KPMG China", "Intel Japan": the company's unit there. */
		if (g > 0 && gq + 1 == q && k[gq].kind == K_CAP &&
		    x->db->ents[ent].type == ENTITY_ORG &&
		    entity_gz_place(x, t, &k[gq])) {
			emit_gz(x, para, t, k, n, p, q, ent);
			continue;
		}
		/* A longer organisation's name that begins with a gazetteer
		 * name: "China University of ...", "Japan Advanced
		 * Semiconductor Manufacturing (JASM)"; but not a list
		 * ("Samsung Electronics and Apple Inc"). */
		if (g > 0 && gq < q && (os == 0 || os > gq || om < gq)) {
			for (om = gq; om < end && !(wflags(&k[om]) &
			    (W_ORGSUF | W_ORGHEAD | W_PLACESUF)); om++)
				;
			os = gq;
		}
		whole = gq == q || (gq < q && !word_is(&k[gq], "and") &&
		    om >= q);
		if (g > 0 && whole && !(gq < q && acronym_follows(k, n, q))) {
			emit_gz(x, para, t, k, n, p, gq, ent);
			q = gq;
			continue;
		}
		/* "Toyota Motor Corp", "Advanced Micro Devices Inc": the
		 * gazetteer's company with a suffix is still that company. */
		for (m = gq; g > 0 && m < q; m++)
			if (!(wflags(&k[m]) & W_ORGSUF))
				break;
		if (g > 0 && m == q && x->db->ents[ent].type == ENTITY_ORG) {
			emit_gz(x, para, t, k, n, p, q, ent);
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
	if (n >= 3 && n <= 5 && word_is(&k[0], "By")) {
		for (q = 1; q < n && k[q].kind == K_CAP; q++)
			;
		if (q < n)
			return 0;
		key = entity_key(t, k[1].s, k[n - 1].e);
		title_case(key);
		c = entity_ext_add(x, para, k[1].s, k[n - 1].e, key, -1, -1);
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
	c = entity_ext_add(x, para, k[0].s, k[q - 1].e, key,
	    gz_exact(x->db, key), -1);
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
	if (entity_ext_gz_match(x->db, key, strlen(key), &ent) != strlen(key))
		ent = -1;
	c = entity_ext_add(x, para, k[p].s, k[q - 1].e, key, ent, -1);
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
entity_rules_para(struct ext *x, uint32_t para, const char *t, size_t len)
{
	struct tok	*k;
	size_t		 n, i, done = 0, e;
	int		 hl;

	x->para = para;
	n = entity_tokenise(x, t, len);
	k = x->tok;
	hl = headline(t, k, n);
	i = dateline(x, para, t, len, k, n);
	while (i < n) {
		if (k[i].done || k[i].e <= done) {
			i++;
			continue;
		}
		if (k[i].kind == K_CJK) {
			entity_cjk_run(x, para, t,
			    k[i].s > done ? k[i].s : done, k[i].e);
			i++;
			continue;
		}
		if (k[i].kind == K_NUM || k[i].kind == K_CAP ||
		    (k[i].kind == K_PUNCT && currency_sign(k[i].cp))) {
			e = entity_num_match(x, para, t, len, k, n, i);
			/* 2024年, 100億元, 25％: CJK right after it. */
			if (e == 0 && k[i].kind == K_NUM && k[i].e < len &&
			    (unsigned char)t[k[i].e] >= 0x80)
				e = entity_cjk_number(x, para, t, len, k[i].s);
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
