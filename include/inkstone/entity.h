/* entity: named entities in article text.  Rules (capitalised sequences,
 * corporate suffixes, titles and roles, organisation patterns, datelines,
 * acronyms and CJK names given in parentheses, money/percent/date patterns)
 * plus a YAML gazetteer shipped with the program and one the user extends.
 * Works on paragraphs, so it does not depend on the article parser.  No
 * curses. */
#ifndef INKSTONE_ENTITY_H
#define INKSTONE_ENTITY_H

#include <stddef.h>
#include <stdint.h>

/* The order here is the order entities are listed in. */
enum entity_type {
	ENTITY_PERSON,
	ENTITY_ORG,
	ENTITY_PLACE,
	ENTITY_MONEY,
	ENTITY_PERCENT,
	ENTITY_DATE,
	ENTITY_NTYPES
};

/* One mention: bytes [start, end) of paragraph para's text. */
struct entity_span {
	size_t	para;
	size_t	start;
	size_t	end;
};

struct entity {
	char			*name;		/* canonical name */
	enum entity_type	 type;
	char			**aliases;	/* other forms met in the
						   text (CJK, acronyms),
						   first seen first */
	size_t			 naliases;
	struct entity_span	*spans;		/* in text order; nspans is
						   the mention count */
	size_t			 nspans;
};

/* Sorted by type, then mentions (most first), then name. */
struct entity_set {
	struct entity	*v;
	size_t		 n;
};

struct entity_db;

/* Loads the gazetteer: the shipped file, then the user's file on top of it
 * (user entries win: same name replaces type and adds aliases; an alias the
 * user gives moves to the user's entity; the user's ignore list removes
 * names).  Either path may be NULL, and a user path that does not exist is
 * fine.  A key repeated in a mapping is an error.  Returns a database the
 * caller frees with entity_db_free(), or NULL with *cause set (allocated,
 * "file:line:col: message"; for repeated keys, one such line for each,
 * joined by newlines). */
struct entity_db	*entity_db_load(const char *shipped, const char *user,
			    char **cause);
void			 entity_db_free(struct entity_db *db);

/* The usual pair: the shipped file found by util_share_path("entities.yaml")
 * (rules alone if it is not installed) and data_dir/entities.yaml (data_dir
 * NULL: util_data_dir()).  As entity_db_load(). */
struct entity_db	*entity_db_load_default(const char *data_dir,
			    char **cause);

/* Number of gazetteer entities, both files merged. */
size_t			 entity_db_count(const struct entity_db *db);

/* A hash of the version of the extraction rules (ENTITY_RULES_VERSION,
 * which a change to what the rules find bumps) and of the bytes of the
 * files the database was loaded from (and of which were absent), never 0.
 * Two databases with the same fingerprint, in this build or another,
 * extract the same entities (but for a 64-bit hash collision), so the
 * library index keeps it to know when its entities are stale. */
uint64_t		 entity_db_fingerprint(const struct entity_db *db);

/* The aliases the gazetteer gives the entity named name (both files
 * merged), and their number in *n; NULL and 0 if the gazetteer has no
 * entity of that name.  Valid as long as db. */
const char *const	*entity_db_aliases(const struct entity_db *db,
			    const char *name, size_t *n);

/* Extracts entities from npara paragraphs (paras[i] holds lens[i] bytes of
 * UTF-8, NUL not required; invalid bytes and NULL paragraphs are skipped).
 * A span's para is an index into these arrays: pass an article's body
 * (article->paras[i].text/len) and spans index article->paras.  Headlines
 * are best left out (headline case defeats the rules; `inkstone entities`
 * reads the body only).  db must not be NULL (load with both paths NULL for
 * the rules alone).  Never fails; returns a set the caller frees with
 * entity_set_free().  The set holds copies: the paragraphs may be freed
 * afterwards.  db is only read: several threads may share it. */
struct entity_set	*entity_extract(const struct entity_db *db,
			    const char *const *paras, const size_t *lens,
			    size_t npara);
void			 entity_set_free(struct entity_set *set);

/* entity_extract over an article's body paragraphs (the title is not
 * read: headline case would make every word a name).  Spans index
 * a->paras. */
struct article;
struct entity_set	*entity_extract_article(const struct entity_db *db,
			    const struct article *a);

/* Finds an entity of the set by name or alias (exact bytes); NULL if none.
 * The pointer lives as long as the set. */
const struct entity	*entity_set_find(const struct entity_set *set,
			    const char *name);

/* "PERSON", "ORG", "PLACE", "MONEY", "PERCENT", "DATE" (static). */
const char		*entity_type_name(enum entity_type type);
/* The type for such a name (case-insensitive), or -1. */
int			 entity_type_parse(const char *name);

#endif
