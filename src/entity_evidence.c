/* entity_evidence: what the words around a capitalised name say about
 * it: a title or role before it ("President", "chief executive"), a verb of
 * saying, a suffix ("Co", "University", "Province"), "in" or "at" before
 * it, an apposition after it (", a chipmaker"), its place in a list. */
#include <string.h>

#include "entity_priv.h"

#define word_is(k, w)	entity_tok_word_is(t, (k), (w))
#define wflags(k)	entity_tok_flags(x, t, (k))
#define punct_is(k, c)	entity_tok_punct_is((k), (c))

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Whether token k alone is a place the gazetteer knows. */
int
entity_gz_place(const struct ext *x, const char *t, const struct tok *k)
{
	int ent;

	return entity_ext_gz_match(x->db, t + k->s, k->e - k->s, &ent) ==
	    k->e - k->s && x->db->ents[ent].type == ENTITY_PLACE;
}

/* What may follow a place after "in": punctuation, the end, or a
 * function word ("in Hsinchu on Monday"), not a noun ("in Ascend chips"). */
static int
place_end(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t q)
{
	if (q >= n || k[q].kind == K_PUNCT || k[q].kind == K_CAP)
		return 1;
	return (wflags(&k[q]) & (W_FUNC | W_SAY | W_PLACENOUN)) != 0;
}

/* "Shenzhen-based company", "Hsinchu-based Zentrix": the place of an
 * organisation, not "Ascend-based clusters" or "Arm-based chips". */
static int
based_on_org(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t i)
{
	size_t j;

	if (i < n && k[i].kind == K_CAP)
		return 1;
	for (j = i; j < n && j < i + 3 && k[j].kind == K_LOW; j++)
		if (wflags(&k[j]) & W_ORGNOUN)
			return 1;
	return 0;
}

/* Whether the words from i to the next punctuation hold a verb of saying:
 * "Chennai, the Taiwanese company said" is a new clause, not an
 * apposition. */
static int
says(const struct ext *x, const char *t, struct tok *k, size_t n, size_t i)
{
	for (; i < n && k[i].kind != K_PUNCT; i++)
		if (wflags(&k[i]) & W_SAY)
			return 1;
	return 0;
}

/* In a list ("Sony Group and NTT", "Hiroshima and Idaho") a name takes
 * the kind of the name before it. */
static int
coordinated(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t p, size_t q, int *ev)
{
	const struct cand	*c;
	int			 j;

	if (p < 2 || x->nc == 0)
		return -1;
	c = &x->c[x->nc - 1];
	if (c->end != k[p - 2].e || c->type >= 0 || c->para != x->para)
		return -1;
	if (word_is(&k[p - 1], "and") || word_is(&k[p - 1], "or"))
		;
	else if (!(punct_is(&k[p - 1], ',') && q < n &&
	    (punct_is(&k[q], ',') || word_is(&k[q], "and"))))
		return -1;
	if (c->gz >= 0 && x->db->ents[c->gz].type <= ENTITY_PLACE)
		ev[x->db->ents[c->gz].type] += 2;
	for (j = 0; c->gz < 0 && j < 3; j++)
		if (c->ev[j] >= 2)
			ev[j] += 2;
	return (int)(x->nc - 1);
}

/* Evidence for the name in tokens [p, q). */
void
entity_evidence(const struct ext *x, const char *t, struct tok *k, size_t n,
    size_t p, size_t q, int *ev, unsigned *flags, int *coord)
{
	struct tok	*pr = p > 0 ? &k[p - 1] : NULL;
	struct tok	*nx = q < n ? &k[q] : NULL;
	int		 multi = q - p > 1, pf, nf, lastf, firstf;
	size_t		 i;

	*coord = -1;
	lastf = wflags(&k[q - 1]);
	firstf = wflags(&k[p]);
	/* "AI Basic Act": not our kind, unless an organisation's word is
	 * in it ("China University of Political Science and Law"). */
	if (lastf & W_LAWSUF) {
		*flags |= C_NOTNAME;
		for (i = p; i < q; i++)
			if (wflags(&k[i]) & (W_ORGSUF | W_ORGHEAD))
				*flags &= ~C_NOTNAME;
	}
	/* A suffix outweighs a title or "said" around the name: "the
	 * General Statistics Office said". */
	if (multi && (lastf & W_ORGSUF))
		ev[1] += 5;
	else if (multi && (lastf & W_PLACESUF))
		ev[2] += 5;
	else if (multi && (firstf & W_ORGHEAD))
		ev[1] += 3;
	else if (!multi && !(*flags & C_SENTINIT) && (word_is(&k[p],
	    "Parliament") || word_is(&k[p], "Congress") ||
	    word_is(&k[p], "Senate") || word_is(&k[p], "Cabinet")))
		ev[1] += 2;	/* "told Parliament" */
	else
		for (i = p; multi && i + 1 < q; i++)
			if ((wflags(&k[i]) & W_ORGHEAD) &&
			    (word_is(&k[i + 1], "of") ||
			    word_is(&k[i + 1], "for"))) {
				ev[1] += 3;	/* State Bank of Vietnam */
				break;
			}
	*flags |= C_NAMELIKE;
	for (i = p; i < q; i++) {
		if (k[i].kind != K_CAP)
			continue;
		if (k[i].allcaps || (wflags(&k[i]) &
		    (W_ORGSUF | W_PLACESUF | W_ORGHEAD)) ||
		    is_digit((unsigned char)t[k[i].e - 1]))
			*flags &= ~C_NAMELIKE;
		if (k[i].hyname && multi)
			ev[0] += 1;
	}
	if (q - p > 4)
		*flags &= ~C_NAMELIKE;
	if (pr != NULL && punct_is(pr, ',') && p >= 2 &&
	    k[p - 2].kind == K_LOW && (wflags(&k[p - 2]) & (W_CROLE | W_GROLE)))
		ev[0] += 2;	/* "Its chief executive, Park Sung-hyun," */
	/* "Sapeon Korea", "KPMG China": a unit named after a country. */
	if (multi && k[q - 1].kind == K_CAP &&
	    entity_gz_place(x, t, &k[q - 1])) {
		ev[1] += 2;
		*flags |= C_NOTPERSON;
	}
	if (pr != NULL && pr->kind != K_PUNCT && k[p].sp) {
		pf = wflags(pr);
		if ((pf & W_TITLE) || ((pf & W_CROLE) && pr->kind == K_CAP))
			ev[0] += 3;
		else if (pf & (W_CROLE | W_GROLE))
			ev[0] += 2;
		if (pf & W_SAY)
			ev[0] += multi ? 2 : 1;
		/* "chief executive of Zentrix", "shares of Keppel" */
		if (word_is(pr, "of") || word_is(pr, "for")) {
			*flags |= C_NOTPERSON;
			if (p >= 2 && (((wflags(&k[p - 2]) & W_CROLE) &&
			    place_end(x, t, k, n, q)) ||
			    word_is(&k[p - 2], "shares") ||
			    word_is(&k[p - 2], "Shares")))
				ev[1] += 2;
		}
		/* "the United States", "the Legislative Yuan": people do
		 * not take an article. */
		if (word_is(pr, "the"))
			*flags |= C_NOTPERSON;
		/* "an analyst at Omdia" */
		if (word_is(pr, "at")) {
			ev[1] += 2;
			*flags |= C_NOTPERSON;
		}
		if ((pf & W_PLACEPREP) && !k[q - 1].poss && !k[p].allcaps &&
		    place_end(x, t, k, n, q) && (p < 2 ||
		    !(word_is(&k[p - 2], "stake") ||
		    word_is(&k[p - 2], "invested") ||
		    word_is(&k[p - 2], "shares"))))
			ev[2] += 2;
		/* "chip venture Rapidus", "Hsinchu-based Zentrix" */
		if ((pf & (W_ORGNOUN | W_HYPLACE | W_HYPORG)) && !pr->poss &&
		    !(p >= 2 && word_is(&k[p - 2], "to")) &&
		    !(k[p].allcaps && q < n && k[q].kind == K_LOW))
			ev[1] += 2;
	}
	*coord = coordinated(x, t, k, n, p, q, ev);
	if (nx == NULL)
		return;
	/* "Hong Kong-listed", "Alibaba-backed" */
	if (punct_is(nx, '-') && !nx->sp && q + 1 < n && !k[q + 1].sp) {
		nf = wflags(&k[q + 1]);
		if ((nf & W_HYPLACE) && based_on_org(x, t, k, n, q + 2))
			ev[2] += 3;
		if (nf & W_HYPORG)
			ev[1] += 2;
		if (nf & W_HYPADJ)
			*flags |= C_NOTNAME;	/* "a Cold War-era law" */
		*flags |= C_NOTPERSON;
	}
	if (nx->kind != K_PUNCT && nx->sp) {
		nf = wflags(nx);
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
	if (punct_is(nx, ',') && !says(x, t, k, n, q + 1)) {
		for (i = q + 1; i < n && i < q + 9; i++) {
			if (k[i].kind == K_PUNCT && !(k[i].cp == '-' &&
			    !k[i].sp))
				break;
			if (i == q + 1 && word_is(&k[i], "who"))
				ev[0] += 1;
			if (k[i].kind == K_LOW &&
			    (wflags(&k[i]) & (W_CROLE | W_GROLE))) {
				ev[0] += 2;
				break;
			}
			/* "Moonshot AI, a Beijing start-up" */
			if (k[i].kind == K_LOW && !k[i].poss && (wflags(&k[i]) &
			    (W_ORGNOUN | W_HYPLACE | W_HYPORG))) {
				ev[1] += 2;
				break;
			}
		}
		if (q + 2 < n && k[q + 1].kind == K_NUM &&
		    punct_is(&k[q + 2], ','))
			ev[0] += 1;
	}
}

