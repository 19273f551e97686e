/* util: allocation that never fails quietly, a growable buffer, files and
 * the XDG folders.  No curses. */
#ifndef INKSTONE_UTIL_H
#define INKSTONE_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Allocation failure prints a message and exits 1: callers never see NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* A growable byte buffer, always NUL-terminated when data != NULL. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};
/* Makes room for n more bytes (and the NUL), so that adds up to that
 * many copy nothing again. */
void	buf_grow(struct buf *b, size_t n);
void	buf_add(struct buf *b, const void *p, size_t n);
void	buf_adds(struct buf *b, const char *s);
void	buf_addc(struct buf *b, char c);
void	buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the data to the caller (who frees it) and empties b. */
char	*buf_take(struct buf *b, size_t *len);
void	buf_free(struct buf *b);

/* Reads a whole file.  Returns a newly allocated, NUL-terminated buffer and
 * its length in *len, or NULL with *cause (allocated, "PATH: reason") set.
 * Files above max bytes are refused (max 0: no limit). */
char	*util_read_file(const char *path, size_t max, size_t *len, char **cause);

/* Writes a file atomically: temp file in the same folder, every write
 * checked, fsync, rename, fsync of the folder.  Returns 0, or -1 with *cause
 * set (allocated); on failure the old file is untouched. */
int	util_write_atomic(const char *path, const void *data, size_t len, char **cause);

/* mkdir -p; returns 0 or -1 with errno set. */
int	util_mkdirs(const char *path, int mode);

/* The XDG folders for inkstone: $XDG_CONFIG_HOME/inkstone (else
 * ~/.config/inkstone), $XDG_DATA_HOME/inkstone, $XDG_CACHE_HOME/inkstone.
 * Newly allocated; the folders are not created. */
char	*util_config_dir(void);
char	*util_data_dir(void);
char	*util_cache_dir(void);

/* Finds a shipped data file (rel like "themes/default.yaml" or
 * "entities.yaml"): $INKSTONE_SHAREDIR, then the folder of the running
 * binary (a source tree: its themes/ and data/), then the installed share
 * folder.  Returns a newly allocated path that exists, or NULL. */
char	*util_share_path(const char *rel);

/* Joins two path parts with one '/'.  Newly allocated. */
char	*util_path_join(const char *a, const char *b);

#endif
