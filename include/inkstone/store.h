/* store: the reader's own state -- tags, read marks and highlights -- kept
 * in two YAML files in the data folder: tags.yaml (tags and read marks) and
 * highlights.yaml.  No curses.
 *
 * Identity.  An article is keyed by its path relative to the library root
 * (a file outside the root by its absolute, resolved path), with a 64-bit
 * FNV-1a hash of its raw bytes stored beside the key.  When an article's key
 * has no entry but an entry with the same hash exists whose own file is
 * gone, the entry follows the article (a rename or move keeps its state).
 *
 * Durability.  Every change is saved at once: under an flock on
 * DATA/store.lock the file is re-read if another instance changed it, this
 * instance's pending changes are replayed on top as operations (add tag,
 * remove tag, set read, add highlight, delete highlight, set note, move),
 * and the result is written with util_write_atomic.  A failed save keeps
 * the old file and the pending changes (retried by the next save).
 *
 * A file that fails to parse is never written: the store keeps working with
 * that file read-only, and store_problem() says why ("file:line:col: msg").
 *
 * Pointers handed out by the getters stay valid until the next call that
 * may change the store (any mutator, store_flush, store_get on an article
 * whose entry follows a rename). */
#ifndef INKSTONE_STORE_H
#define INKSTONE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* The two state files. */
enum store_file {
	STORE_TAGS,		/* tags.yaml: tags and read marks */
	STORE_HIGHLIGHTS,	/* highlights.yaml */
	STORE_NFILES
};

#define STORE_ID_LEN		16	/* hex digits of a highlight id */
#define STORE_CONTEXT		32	/* bytes of context kept each side */
#define STORE_MAX_FILE		(64u << 20)	/* state files above: refused */
#define STORE_MAX_DEPTH		64	/* YAML nesting above: refused */
#define STORE_MAX_NODES		4000000	/* YAML values above: refused */
#define STORE_MAX_TAG		128	/* bytes in one tag */

struct store;

/* An article as the store sees it.  Filled by store_article_init; the
 * caller owns key and frees it with store_article_free. */
struct store_article {
	char		*key;
	uint64_t	 hash;
};

/* One highlight.  quote is the highlighted text (never empty); before and
 * after are up to STORE_CONTEXT bytes of the paragraph around it ("" at an
 * edge); para and offset are where it was last found (a hint: anchor_find
 * re-anchors it).  All strings owned by the store. */
struct store_highlight {
	char		 id[STORE_ID_LEN + 1];
	char		*quote;
	char		*before;
	char		*after;
	size_t		 para;
	size_t		 offset;
	char		*note;		/* NULL: none */
	time_t		 created;	/* 0: unknown */
};

/* One article's state, a read-only view into the store. */
struct store_state {
	char				**tags;		/* sorted, unique */
	size_t				  ntags;
	int				  read;
	const struct store_highlight	 *hl;		/* in creation order */
	size_t				  nhl;
};

/* A tag and the number of articles that carry it. */
struct store_tag_count {
	const char	*tag;		/* owned by the store */
	size_t		 count;
};

/* Opens the store in data_dir (NULL: util_data_dir()), creating the folder
 * if needed, for the library rooted at library (NULL: store_library_default
 * ()).  Takes the lock, removes leftover temp files (*.tmp.*), reads both
 * files, releases the lock.  Never fails: a file that cannot be parsed,
 * or a folder that cannot be made or written, leaves the files concerned
 * read-only (see store_problem).  cause is kept for callers' symmetry and
 * is never set.  Free with store_close. */
struct store	*store_open(const char *data_dir, const char *library,
		    char **cause);

/* Saves pending changes (if it can) and frees everything.  Returns 0, or -1
 * with *cause set when pending changes could not be saved. */
int		 store_close(struct store *s, char **cause);

/* Saves whatever is pending (normally nothing: changes save at once).
 * Returns 0, or -1 with *cause set. */
int		 store_flush(struct store *s, char **cause);

/* Why file f is read-only ("file:line:col: message"), or NULL when it is
 * writable.  Owned by the store. */
const char	*store_problem(const struct store *s, enum store_file f);

/* Checks a state file without opening a store (for `inkstone check`):
 * reads path as state file f.  Returns 0, or -1 with *cause set
 * ("file:line:col: message", allocated).  A missing file is fine. */
int		 store_check_file(const char *path, enum store_file f,
		    char **cause);

/* The full path of state file f.  Owned by the store. */
const char	*store_path(const struct store *s, enum store_file f);

/* The library root when none is given: "articles" (app_init settles the
 * configured one).  Newly allocated. */
char		*store_library_default(void);

/* Identity: resolves path, keys it against the library root and hashes
 * the file's bytes.  Returns 0, or -1 with *cause set ("PATH: reason"). */
int		 store_article_init(const struct store *s, const char *path,
		    struct store_article *a, char **cause);
/* The same for an article already in memory (buf: its raw bytes). */
int		 store_article_init_buf(const struct store *s, const char *path,
		    const void *buf, size_t len, struct store_article *a,
		    char **cause);
void		 store_article_free(struct store_article *a);
/* The file a key names: the library root joined with a relative key, or
 * the key itself when absolute.  Newly allocated. */
char		*store_key_path(const struct store *s, const char *key);

/* FNV-1a, 64 bits, over len bytes. */
uint64_t	 store_hash(const void *buf, size_t len);

/* Fills *st with the article's state (all zero when it has none).  Follows
 * a renamed or moved article by its hash, and records an edited article's
 * new hash (either is saved with the next change, or by store_flush). */
void		 store_get(struct store *s, const struct store_article *a,
		    struct store_state *st);

/* The same by key alone (no following), e.g. while listing. */
void		 store_get_key(struct store *s, const char *key,
		    struct store_state *st);

/* Keys with an entry in file f, sorted (byte order).  *keys owned by the
 * store.  Returns the count. */
size_t		 store_keys(struct store *s, enum store_file f,
		    const char *const **keys);

/* Changes between store_begin and the matching store_end (they nest) are
 * kept in memory and saved once, by store_end, which returns like
 * store_flush.  For a run of changes such as marking many articles read. */
void		 store_begin(struct store *s);
int		 store_end(struct store *s, char **cause);

/* Mutators.  Each changes the state in memory and saves at once.  Return
 * 0, or -1 with *cause set: a bad argument (the state is unchanged), a
 * read-only file (unchanged), or a failed save (the change is kept in
 * memory and saved by the next successful save). */
int		 store_tag_add(struct store *s, const struct store_article *a,
		    const char *tag, char **cause);
int		 store_tag_remove(struct store *s, const struct store_article *a,
		    const char *tag, char **cause);
int		 store_read_set(struct store *s, const struct store_article *a,
		    int read, char **cause);
int		 store_read_toggle(struct store *s,
		    const struct store_article *a, char **cause);
/* Applies several tag changes ("+TAG" adds, "-TAG" removes) in one save. */
int		 store_tag_apply(struct store *s, const struct store_article *a,
		    char *const *changes, size_t n, char **cause);
/* Renames tag from to to on every article that has it, merging with a
 * tag to already there, in one save; the save's merge renames the tag on
 * the articles another instance tagged meanwhile too, even when none of
 * this instance's has it (nothing is saved when none has it and the file
 * did not change).  Returns the number of articles that had from, as the
 * save found them (0 when from is to), or -1 with *cause set (either name
 * not a valid tag, tags.yaml read-only, a failed save). */
int		 store_tag_rename(struct store *s, const char *from,
		    const char *to, char **cause);

/* Adds a highlight: quote, before, after, para, offset and note are taken
 * from h (copied), created is set to now and a new id is written to id. */
int		 store_highlight_add(struct store *s,
		    const struct store_article *a,
		    const struct store_highlight *h, char id[STORE_ID_LEN + 1],
		    char **cause);
int		 store_highlight_delete(struct store *s,
		    const struct store_article *a, const char *id, char **cause);
/* note NULL or "" removes the note. */
int		 store_highlight_note(struct store *s,
		    const struct store_article *a, const char *id,
		    const char *note, char **cause);

/* Tags in use with their counts, sorted by tag.  *out is allocated (the
 * caller frees the array, not the strings, which the store owns). */
size_t		 store_tag_counts(struct store *s,
		    struct store_tag_count **out);

/* Checks a tag name: non-empty, at most STORE_MAX_TAG bytes of valid
 * UTF-8, no spaces or control characters, not starting with '+' or '-',
 * and not the word "untagged".  Returns 0, or -1 with *cause set. */
int		 store_tag_valid(const char *tag, char **cause);

/* Filter expressions for `list --tag`: words separated by spaces; "+T" or
 * "T" needs tag T, "-T" excludes it, "untagged" needs no tags at all.  All
 * words must hold.  Parse returns NULL with *cause set on a bad word; free
 * with store_filter_free. */
struct store_filter;
struct store_filter	*store_filter_parse(const char *expr, char **cause);
/* The filter needing the one tag given, byte for byte: not an expression
 * and not checked, since an article's front matter or a hand-edited
 * tags.yaml may hold tags no expression can name ("machine learning",
 * "untagged", "-x").  Never fails; free with store_filter_free. */
struct store_filter	*store_filter_tag(const char *tag);
int		 store_filter_match(const struct store_filter *f,
		    char *const *tags, size_t ntags);
void		 store_filter_free(struct store_filter *f);

#endif
