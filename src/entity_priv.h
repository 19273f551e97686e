/* entity_priv: what the entity module's files (entity.c, entity_rules.c,
 * entity_cjk.c, gazetteer.c) share.  Not a public header. */
#ifndef INKSTONE_ENTITY_PRIV_H
#define INKSTONE_ENTITY_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "inkstone/entity.h"

/*
 * The version of the extraction rules, part of entity_db_fingerprint.  The
 * library index re-extracts every article's entities when the fingerprint
 * changes, and otherwise keeps what an earlier build found.  Whoever
 * changes what entity_extract finds for the same text and files (the
 * rules and word lists in src/entity*.c, the gazetteer's matching and
 * indexing in src/gazetteer.c) bumps this, or the caches of every library
 * keep the old rules' entities.  Refactoring that extracts the same
 * entities needs no bump.
 */
#define ENTITY_RULES_VERSION	1u

/* A map from byte strings to ints, open addressing.  Keys are copied. */
struct entity_map {
	struct emap_slot {
		char	*key;
		size_t	 len;
		uint32_t hash;
		int	 val;
	}	*slots;
	size_t	 cap;
	size_t	 n;
};
void	 entity_map_put(struct entity_map *m, const char *k, size_t len,
	    int val);
/* Returns a pointer to the value, or NULL. */
int	*entity_map_get(const struct entity_map *m, const char *k, size_t len);
void	 entity_map_free(struct entity_map *m);

/* Flags of the words the rules know (entity_rules.c). */
#define W_STOP		0x0001	/* The, However, ...: never part of a name */
#define W_MONTH		0x0002
#define W_WEEKDAY	0x0004
#define W_NATION	0x0008	/* Chinese, Taiwanese, ... */
#define W_TITLE		0x0010	/* President, Mr, Premier: a person follows */
#define W_CROLE		0x0020	/* CEO, chairman, founder: of an org */
#define W_ORGSUF	0x0040	/* Co, Corp, Group, Bank, University */
#define W_ORGHEAD	0x0080	/* Ministry, Bureau, University (of ...) */
#define W_PLACESUF	0x0100	/* City, Province, Prefecture */
#define W_SAY		0x0200	/* said, told, added */
#define W_CURWORD	0x0400	/* yuan, dollars, won */
#define W_MAG		0x0800	/* million, billion, bil */
#define W_PLACEPREP	0x1000	/* in, from, near: a place may follow */
#define W_NAMEJOIN	0x2000	/* de, van, von, bin: inside a name */
#define W_GROLE		0x4000	/* minister, spokesperson: a person's role */
#define W_ORGNOUN	0x8000	/* company, start-up, regulator */
#define W_HYPLACE	0x10000	/* -based, -listed, -made: a place before */
#define W_HYPORG	0x20000	/* -owned, -backed, -led: an org before */
#define W_PLACENOUN	0x40000	/* province, district: a place before */
#define W_FUNC		0x80000	/* on, and, which, was: grammar words */
#define W_LAWSUF	0x100000 /* Act, Ordinance: a law, not an entity */
#define W_HYPADJ	0x200000 /* -era, -style: an adjective, not a name */

/* One gazetteer entity. */
struct gz_entity {
	char			*name;
	enum entity_type	 type;
	char			**aliases;
	size_t			 naliases;
	int			 user;		/* from the user's file */
};

/* Gazetteer forms that start with the same first unit (an ASCII word or
 * one non-ASCII character), longest first. */
struct gz_bucket {
	struct gz_form {
		const char	*s;
		size_t		 len;
		int		 ent;
	}	*v;
	size_t	 n;
};

struct entity_db {
	struct gz_entity	*ents;
	size_t			 nents;
	struct entity_map	 first;		/* first unit -> bucket */
	struct gz_bucket	*buckets;
	size_t			 nbuckets;
	struct entity_map	 ignore;	/* names never reported */
	struct entity_map	 words;		/* word -> W_* flags */
	struct entity_map	 cjk;		/* character -> CJ_* */
	struct entity_map	 names;		/* entity name -> index */
	uint64_t		 fp;		/* the rules and files read:
						   entity_db_fingerprint */
};

/* The first unit of s: an ASCII alphanumeric word, else one UTF-8
 * character.  Returns its length (0 for an empty string). */
size_t	 entity_first_unit(const char *s, size_t len);
/* Length of the UTF-8 sequence starting with byte c (1 for invalid). */
size_t	 entity_u8len(unsigned char c);
/* Decodes one UTF-8 character at s (len > 0); sets *n to its length. */
uint32_t entity_u8dec(const char *s, size_t len, size_t *n);
/* Han, kana or hangul (the scripts that write names without spaces). */
int	 entity_is_cjk(uint32_t c);

/* Fills db->words with the rules' word lists. */
void	 entity_words_init(struct entity_db *db);
/* Fills db->cjk: which characters end a name or begin a suffix or title
 * (entity_cjk.c), so the scan looks at most characters only once. */
void	 entity_cjk_init(struct entity_db *db);

/* What the scanners hand to entity.c: a candidate mention. */
struct cand {
	uint32_t	 para;
	uint32_t	 start, end;
	char		*key;		/* normalised surface form (owned) */
	int		 gz;		/* gazetteer entity, or -1 */
	int		 ev[3];		/* evidence: person, org, place */
	int		 type;		/* fixed type (money, ...) or -1 */
	unsigned	 flags;
	int		 coord;		/* listed after this candidate, or -1 */
};
#define C_SENTINIT	0x01	/* at the start of a sentence */
#define C_MULTI		0x02	/* more than one word */
#define C_NAMELIKE	0x04	/* Capitalised words only, like a name */
#define C_KEEP		0x08	/* a reliable pattern: keep even alone */
#define C_NOTPERSON	0x10	/* stands before a role (a portfolio) */
#define C_NOTNAME	0x20	/* a law or the like: not reported */

/* An alias given in the text: key (an entity's form) -> alias. */
struct alias_pair {
	char	*key;
	char	*alias;
};

/* The extraction's working state. */
/* A token of a paragraph (entity_rules.c). */
enum { K_CAP, K_LOW, K_NUM, K_CJK, K_PUNCT };

struct tok {
	uint32_t	 s, e;
	uint32_t	 cp;		/* K_PUNCT: the character */
	int		 flags;		/* W_* of the word, -1: not yet */
	uint8_t		 kind;
	uint8_t		 sp;		/* white space before */
	uint8_t		 allcaps;	/* two or more letters, all capitals */
	uint8_t		 poss;		/* followed by 's */
	uint8_t		 hyname;	/* Ching-te: a hyphen then lower case */
	uint8_t		 done;		/* already taken by an alias */
};

struct ext {
	const struct entity_db	*db;
	uint32_t		 para;		/* the paragraph being read */
	struct tok		*tok;		/* entity_rules.c's scratch */
	size_t			 captok;
	struct cand		*c;
	size_t			 nc, capc;
	struct alias_pair	*a;
	size_t			 na, capa;
};
struct cand	*entity_ext_add(struct ext *x, uint32_t para, size_t s,
		    size_t e, char *key, int gz, int type);
void		 entity_ext_alias(struct ext *x, const char *key, size_t klen,
		    const char *alias, size_t alen);
/* entity_cands.c, run in this order after the scanners: of candidates
 * that overlap, keeps the one that stands for the text (the gazetteer's,
 * else the longer); then adds a candidate for each other mention of a CJK
 * alias given in parentheses where none stands. */
void		 entity_drop_overlaps(struct ext *x);
void		 entity_text_aliases(struct ext *x, const char *const *paras,
		    const size_t *lens, size_t npara);
/* Longest gazetteer form at p (bytes left: len) that ends on a boundary
 * when it is ASCII; returns its length and sets *ent, or 0. */
size_t		 entity_ext_gz_match(const struct entity_db *db, const char *p,
		    size_t len, int *ent);

/* Splits paragraph text into tokens in x->tok; returns their number
 * (entity_tok.c). */
size_t	 entity_tokenise(struct ext *x, const char *t, size_t len);

/* Helpers shared by the scanners (entity_tok.c). */
static inline int
entity_tok_punct_is(const struct tok *k, uint32_t c)
{
	return k->kind == K_PUNCT && k->cp == c;
}
int	 entity_tok_flags(const struct ext *x, const char *t, struct tok *k);
/* Whether token k is the word w (inline: the length of a literal folds). */
static inline int
entity_tok_word_is(const char *t, const struct tok *k, const char *w)
{
	size_t n = __builtin_strlen(w);

	return (k->kind == K_LOW || k->kind == K_CAP) && k->e - k->s == n &&
	    __builtin_memcmp(t + k->s, w, n) == 0;
}
/* The text of [s, e) with each run of white space made one space.
 * Newly allocated. */
char	*entity_key(const char *t, size_t s, size_t e);
/* Money, percent or a date starting at token i of k[0..n) (entity_numbers.c).
 * Returns the byte where it ends, or 0. */
size_t	 entity_num_match(struct ext *x, uint32_t para, const char *t,
	    size_t len, struct tok *k, size_t n, size_t i);

/* Evidence for the name in tokens [p, q): adds to ev (person, org,
 * place) and flags (C_*); *coord is the candidate it is listed with, or -1
 * (entity_evidence.c). */
void	 entity_evidence(const struct ext *x, const char *t, struct tok *k,
	    size_t n, size_t p, size_t q, int *ev, unsigned *flags,
	    int *coord);
/* Whether token k alone is a place the gazetteer knows. */
int	 entity_gz_place(const struct ext *x, const char *t,
	    const struct tok *k);

/* Scanners (entity_rules.c, entity_cjk.c). */
void	 entity_rules_para(struct ext *x, uint32_t para, const char *t,
	    size_t len);
/* Scans a run of CJK text [s, e) of paragraph t for gazetteer names and
 * CJK patterns (company, university, city...). */
void	 entity_cjk_run(struct ext *x, uint32_t para, const char *t, size_t s,
	    size_t e);
/* Scans for CJK money, percent and dates written with 年月日, from s. */
size_t	 entity_cjk_number(struct ext *x, uint32_t para, const char *t,
	    size_t len, size_t s);

#endif
