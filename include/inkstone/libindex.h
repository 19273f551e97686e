/* libindex: the library index cache, so that a large library opens without
 * reading its articles.  One file per library root in the cache folder
 * holds, per article, what the list, the filters and the entity index need:
 * path, size, mtime, content hash, title, source, date, front matter tags,
 * an error if the file could not be read, and the entities it mentions with
 * their counts.  It is only a cache: a file that is missing, truncated,
 * damaged, from another version or for another root loads as NULL, never
 * as an error, and is rebuilt.  Written atomically.  No curses. */
#ifndef INKSTONE_LIBINDEX_H
#define INKSTONE_LIBINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "inkstone/entity.h"

/* One article, as added to a writer and as read back.  Read back, every
 * string points into the index (valid while it is open) and is never
 * NULL ("" when unknown); error is NULL when the article is clean. */
struct libindex_article {
	const char	*rel;		/* path relative to the root */
	const char	*title;
	const char	*source;
	const char	*date_iso;
	const char	*error;		/* why it failed, or its ->error */
	int		 failed;	/* 1: could not be read as an article */
	int		 title_derived;
	uint64_t	 size;
	int64_t		 mtime_ns;
	uint64_t	 hash;		/* store_hash of the raw bytes */
	const char	*const *tags;	/* writer side only */
	size_t		 ntags;
};

/* An entity of the library: merged over every article by type and name. */
struct libindex_entity {
	const char		*name;
	enum entity_type	 type;
	size_t			 narticles;	/* articles that mention it */
	size_t			 nmentions;	/* mentions over the library */
};

struct libindex;
struct libindex_writer;

/* A writer for the library rooted at root. */
struct libindex_writer	*libindex_writer_new(const char *root);
/* Adds an article and its entities (set may be NULL).  Strings are copied. */
void			 libindex_writer_add(struct libindex_writer *w,
			    const struct libindex_article *a,
			    const struct entity_set *set);
/* Adds article i of another index as it stands there, entities too. */
void			 libindex_writer_add_from(struct libindex_writer *w,
			    const struct libindex *ix, size_t i);
/* Records which entity database extracted the entities added: its
 * entity_db_fingerprint, or 0 when unknown or mixed (some articles added
 * without one).  0 unless set. */
void			 libindex_writer_set_entities(struct libindex_writer *w,
			    uint64_t fp);
/* The index of what was added, in memory (free with libindex_free; the
 * writer is still freed with libindex_writer_free).  NULL if the library
 * is past the format's limits (4 GB of strings). */
struct libindex		*libindex_writer_finish(struct libindex_writer *w);
void			 libindex_writer_free(struct libindex_writer *w);

/* Writes ix to path atomically.  Returns 0, or -1 with *cause set. */
int			 libindex_save(const struct libindex *ix, const char *path,
			    char **cause);

/* Loads the index at path if it is whole and for root; else NULL. */
struct libindex		*libindex_load(const char *path, const char *root);
void			 libindex_free(struct libindex *ix);

/* The fingerprint libindex_writer_set_entities recorded (0: unknown). */
uint64_t		 libindex_entities(const struct libindex *ix);

/* The number of articles; they are in order of rel (byte order). */
size_t			 libindex_count(const struct libindex *ix);
/* Fills *a with article i (i < count; tags are read with libindex_tag). */
void			 libindex_get(const struct libindex *ix, size_t i,
			    struct libindex_article *a);
/* The index of the article with this rel, or (size_t)-1. */
size_t			 libindex_find(const struct libindex *ix, const char *rel);
/* Article i's front matter tag k (k < a.ntags). */
const char		*libindex_tag(const struct libindex *ix, size_t i,
			    size_t k);

/* Entities of the whole library, sorted by type then articles (most
 * first) then name. */
size_t			 libindex_entity_count(const struct libindex *ix);
void			 libindex_entity(const struct libindex *ix, size_t e,
			    struct libindex_entity *out);
/* Alias k of entity e; libindex_entity_naliases gives how many. */
size_t			 libindex_entity_naliases(const struct libindex *ix,
			    size_t e);
const char		*libindex_entity_alias(const struct libindex *ix,
			    size_t e, size_t k);
/* The entity named name (its name or an alias; Latin letters in any
 * case), or (size_t)-1. */
size_t			 libindex_entity_find(const struct libindex *ix,
			    const char *name);
/* Article i's mentions: n pairs of (entity, count) through the getters. */
size_t			 libindex_article_nentities(const struct libindex *ix,
			    size_t i);
void			 libindex_article_entity(const struct libindex *ix,
			    size_t i, size_t k, size_t *entity, size_t *count);
/* 1 if the entities were asked for and found damaged: the index then
 * answers as if it had none, and should be rebuilt.  They are checked,
 * not at load, but the first time libindex_entity_count,
 * libindex_article_nentities, libindex_entity_find or libindex_mentions
 * is called; the other entity functions take indexes that those give, so
 * one of them comes first. */
int			 libindex_entities_bad(const struct libindex *ix);
/* 1 if article i mentions entity e. */
int			 libindex_mentions(const struct libindex *ix, size_t i,
			    size_t e);

/* The cache file for a library root: CACHE/index-HASH.bin, where HASH is
 * of the root's absolute path.  Newly allocated. */
char			*libindex_path(const char *cache_dir, const char *root);

#endif
