/* store_int: what store.c and store_yaml.c share; private to the store
 * module (not installed under include/). */
#ifndef INKSTONE_STORE_INT_H
#define INKSTONE_STORE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "inkstone/store.h"

/* A parsed YAML node; the whole tree is owned by its root. */
enum snode_type { SN_SCALAR, SN_SEQ, SN_MAP };
struct snode {
	enum snode_type	  type;
	char		 *s;		/* scalar text, NUL-terminated */
	size_t		  len;
	int		  plain;	/* scalar written without quotes */
	size_t		  line;		/* 1-based position */
	size_t		  col;
	struct snode	**kids;		/* a map holds key, value, key, ... */
	size_t		  n;
	size_t		  cap;
};

/* One article's entry in one state file. */
struct sentry {
	char			*key;
	uint64_t		 hash;		/* 0: unknown */
	int			 read;
	char			**tags;		/* sorted, unique */
	size_t			 ntags;
	struct store_highlight	*hl;
	size_t			 nhl;
	struct snode		*extra;		/* map of keys we do not know,
						   kept as read; or NULL */
	char			*frag;		/* emitted YAML, NULL: stale */
	size_t			 fraglen;
};

/* Parses buf as one YAML document into *root (NULL for an empty file).
 * Refuses aliases and nesting past STORE_MAX_DEPTH.  Returns 0, or -1 with
 * *cause set to "name:line:col: message". */
int		 stree_parse(const char *name, const char *buf, size_t len,
		    struct snode **root, char **cause);
void		 stree_free(struct snode *n);

/* Building a tree to emit (for exports): a scalar of text (quoted when a
 * reader would take it for another type), a scalar written as is (true,
 * 12), an empty map or sequence, a child added. */
struct snode	*snode_text(const char *s);
struct snode	*snode_raw(const char *s);
struct snode	*snode_box(enum snode_type type);
void		 snode_add(struct snode *parent, struct snode *kid);
/* Emits the tree as one block-style document.  Newly allocated. */
char		*stree_emit(const struct snode *root, size_t *len);

/* Reads the entries of state file kind from a parsed tree: *out becomes an
 * allocated array of *n allocated entries sorted by key.  src, when not
 * NULL, is the file's text known to be exactly as a save wrote it: each
 * entry's lines become its fragment, with no need to emit it again.
 * Returns 0, or -1 with *cause set (no entries returned). */
int		 sentry_from_tree(enum store_file kind, const char *name,
		    const struct snode *root, const char *src, size_t srclen,
		    struct sentry ***out, size_t *n, char **cause);

/* Emits e as a one-entry top-level block mapping into e->frag; entries'
 * fragments concatenated in key order are the whole file, byte for byte
 * what one emitter run over all of them writes. */
void		 sentry_emit(struct sentry *e, enum store_file kind);

void		 sentry_free(struct sentry *e);
void		 sentry_hl_clear(struct store_highlight *h);
/* Deep copy of src into dst (dst's old strings are not freed). */
void		 sentry_hl_copy(struct store_highlight *dst,
		    const struct store_highlight *src);
/* Sets h->id to a hash of its anchor when the file gave none. */
void		 sentry_hl_default_id(struct store_highlight *h);

/* A change, kept until it is saved so that it can be replayed on top of
 * what another instance wrote. */
enum sop_type {
	SOP_TAG_ADD,		/* arg: the tag */
	SOP_TAG_REMOVE,		/* arg: the tag */
	SOP_READ,		/* flag: read or not */
	SOP_HL_ADD,		/* hl: the highlight */
	SOP_HL_DELETE,		/* arg: the id */
	SOP_NOTE,		/* arg: the id, note: the note or NULL */
	SOP_MOVE,		/* arg: the new key */
	SOP_HASH,		/* hash: the article's content now */
	SOP_TAG_RENAME		/* every entry: arg, the tag, becomes note */
};
struct sop {
	enum sop_type		 type;
	char			*key;
	uint64_t		 hash;	/* the article's hash now, 0: keep */
	char			*arg;
	char			*note;
	int			 flag;
	struct store_highlight	 hl;
};

enum seen { SEEN_UNKNOWN, SEEN_MISSING, SEEN_FILE };

/* One state file. */
struct sfile {
	enum store_file	  kind;
	char		 *path;
	char		 *problem;	/* why read-only, or NULL */
	struct sentry	**e;		/* sorted by key */
	size_t		  n;
	size_t		  cap;
	int		  changed;	/* entries added or removed */
	size_t		  renamed;	/* entries the last tag rename
					   applied (or replayed) changed */
	struct sop	 *ops;		/* not saved yet */
	size_t		  nops;
	/* The file as we last read or wrote it. */
	enum seen	  seen;
	dev_t		  st_dev;
	ino_t		  st_ino;
	off_t		  st_size;
	struct timespec	  st_mtim;
	struct timespec	  st_ctim;
	uint64_t	  gen;		/* the save count in store.lock */
	/* Indexes, rebuilt when changed is set. */
	struct sentry	**byhash;
	const char	**keys;
};

struct store {
	char			*dir;
	char			*root;
	int			 root_ok;	/* root is a folder */
	char			*lockpath;
	int			 lockfd;
	int			 readonly;	/* the folder cannot be
						   written */
	int			 batch;		/* > 0: commits wait for
						   the batch's end */
	struct sfile		 f[STORE_NFILES];
};

size_t		 sfile_find(const struct sfile *f, const char *key,
		    int *found);
struct sentry	*sfile_get(struct sfile *f, const char *key);
struct sentry	*sfile_get_or_add(struct sfile *f, const char *key);
void		 sfile_tidy(struct sfile *f, struct sentry *e);
/* Has someone else written f since we last read or wrote it?  Without
 * the lock: a save is a rename and a generation bump, so "no" means the
 * file holds what f does as of this call. */
int		 sfile_changed_on_disk(const struct store *s,
		    const struct sfile *f);

/* In store_ops.c: applies op to f's entries (also when replaying). */
void		 sop_apply(struct store *s, struct sfile *f,
		    const struct sop *op);
void		 sop_free(struct sop *op);
/* The entries of f that carry tag from. */
size_t		 sop_rename_count(const struct sfile *f, const char *from);

/* Takes op (its strings now belong to f), applies it and saves f unless a
 * batch is open.  Returns 0, or -1 with *cause set. */
int		 store_commit(struct store *s, struct sfile *f, struct sop *op,
		    char **cause);
/* Ends a batch (s->batch raised by the caller); the outermost end saves
 * f. */
int		 store_commit_batch(struct store *s, struct sfile *f,
		    char **cause);

#endif
