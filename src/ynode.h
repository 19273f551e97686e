/* ynode: a small YAML document tree with positions, for the config, theme
 * and check loaders.  Private to src/ (config, theme, cmd_check).  Built
 * from libyaml's event stream with a depth limit, since libyaml itself has
 * none.  No curses. */
#ifndef INKSTONE_YNODE_H
#define INKSTONE_YNODE_H

#include <stddef.h>

enum ynode_type {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP
};

struct ynode {
	enum ynode_type	  type;
	int		  line;		/* 1-based */
	int		  col;		/* 1-based, in bytes */
	char		 *value;	/* scalar: NUL-terminated text */
	size_t		  len;
	int		  plain;	/* scalar: unquoted, so 12 and true
					   may be numbers and booleans */
	struct ynode	**items;	/* seq: the items; map: key, value,
					   key, value ... */
	size_t		  n;		/* entries in items */
};

/* The deepest nesting accepted; deeper documents are refused as soon as
 * the parser reaches that depth. */
#define YNODE_MAXDEPTH	32

/* Parses buf[0..len) (file names it in messages).  Returns 0 with *root
 * set (NULL for an empty document; free with ynode_free), or -1 with
 * *cause set ("file:line:col: message", allocated).  Aliases and more than
 * one document are refused. */
int		 ynode_parse(const char *file, const char *buf, size_t len,
		    struct ynode **root, char **cause);
void		 ynode_free(struct ynode *n);

/* Appends "file:line:col: message" (at n's position, or 1:1 when n is
 * NULL) to the error list *errors of *nerrors entries.  Past
 * YNODE_MAXERRORS it adds one "too many errors" and drops the rest;
 * loaders stop once ynode_full says so, which keeps a hostile file of
 * 100,000 bad keys from costing more than a good one. */
void		 ynode_error(char ***errors, size_t *nerrors, const char *file,
		    const struct ynode *n, const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));

#define YNODE_MAXERRORS	100
#define ynode_full(nerrors)	((nerrors) > YNODE_MAXERRORS)

/* Appends an already formatted message to the list (takes msg).  Every
 * message is made printable first (see ynode_printable). */
void		 ynode_error_take(char ***errors, size_t *nerrors, char *msg);

/* s with control characters, bidi controls and invalid UTF-8 written as
 * \xNN or \uNNNN, so that a file's contents quoted in a message cannot
 * drive the terminal.  Allocated. */
char		*ynode_printable(const char *s);

/* The candidate closest to word by edit distance when close enough to be
 * a likely typo, else NULL.  cands has n entries. */
const char	*ynode_suggest(const char *word, const char *const *cands,
		    size_t n);

/* Scalar conversions.  Return 0, or -1 when the scalar is not of the type. */
int		 ynode_int(const struct ynode *n, long long *v);
int		 ynode_bool(const struct ynode *n, int *v);

/* "a mapping", "a list", "a string": for messages. */
const char	*ynode_kind(const struct ynode *n);

#endif
