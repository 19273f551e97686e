/* entfile: the user's entities.yaml as a document that can be edited and
 * written back -- entities added, merged as aliases, names ignored -- for
 * the reader's entity keys.  The gazetteer (entity.h) reads the same file;
 * this module never changes what the gazetteer would refuse, and keeps
 * every entity, alias and ignored name the file had.  Comments and layout
 * are not kept: the file is written again by libyaml's emitter, sorted, so
 * that it diffs cleanly.  No curses. */
#ifndef INKSTONE_ENTFILE_H
#define INKSTONE_ENTFILE_H

#include <stddef.h>

#include "inkstone/entity.h"

struct entfile_entity {
	char			*name;
	enum entity_type	 type;
	char			**aliases;
	size_t			 naliases;
};

struct entfile {
	char			*path;
	struct entfile_entity	*v;		/* unsorted until saved */
	size_t			 n;
	char			**ignore;
	size_t			 nignore;
	int			 lockfd;	/* PATH.lock, held, or -1 */
};

/* Reads the user's file at path; one that does not exist is an empty
 * file.  Holds PATH.lock (flock) until entfile_free, so that load, edit,
 * save and free is one step for every instance of the program.  The file is checked as the gazetteer reads it, so a file it
 * refuses is refused here with the same message.  Returns the document
 * (free with entfile_free), or NULL with *cause set (allocated,
 * "file:line:col: message"): the caller must then leave the file alone. */
struct entfile	*entfile_load(const char *path, char **cause);
void		 entfile_free(struct entfile *f);

/* The entity of the file named name (not an alias), or NULL.  Lives until
 * the next change of f. */
const struct entfile_entity *entfile_find(const struct entfile *f,
		    const char *name);
/* 1 if name is on the ignore list. */
int		 entfile_ignored(const struct entfile *f, const char *name);

/*
 * The edits.  Names are cleaned first: white space runs become one space
 * and the ends are trimmed, as the extractor writes the forms it meets.
 * Each returns 1 if the document changed, 0 if it already said so, or -1
 * with *cause set (allocated) when a name is empty or holds control
 * characters (the gazetteer would refuse the file).
 */

/* Makes name an entity of type: a new entity, or the file's entity of
 * that name with its type changed.  The name stops being another
 * entity's alias and is no longer ignored. */
int		 entfile_add(struct entfile *f, const char *name,
		    enum entity_type type, char **cause);

/* Puts name on the ignore list (the entities of the file stay). */
int		 entfile_ignore(struct entfile *f, const char *name,
		    char **cause);

/* Merges: into (of type) becomes an entity of the file if it is not one,
 * and every one of forms[0..nforms) that is not into itself becomes its
 * alias.  A form that was an entity of the file gives it up (its aliases
 * move to into), one that was another entity's alias leaves it, and none
 * stays ignored. */
int		 entfile_merge(struct entfile *f, const char *into,
		    enum entity_type type, const char *const *forms,
		    size_t nforms, char **cause);

/* Writes the document to its path: entities sorted by name, each one's
 * aliases sorted, the ignore list sorted, through libyaml's emitter; the
 * folder is made if needed, and the write is atomic (temporary file,
 * fsync, rename, fsync of the folder).  Returns 0, or -1 with *cause set. */
int		 entfile_save(struct entfile *f, char **cause);

#endif
