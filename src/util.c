/* util: allocation, buffers, files, XDG folders. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inkstone/util.h"

static void
oom(void)
{
	fputs("inkstone: out of memory\n", stderr);
	exit(1);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		oom();
	p = realloc(p, nmemb * size != 0 ? nmemb * size : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;
	char	*p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		oom();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
buf_grow(struct buf *b, size_t n)
{
	size_t need = b->len + n + 1;

	if (need < n)
		oom();
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need) {
		if (b->cap > SIZE_MAX / 2)
			oom();
		b->cap *= 2;
	}
	b->data = xreallocarray(b->data, b->cap, 1);
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n != 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, s);
	free(s);
}

char *
buf_take(struct buf *b, size_t *len)
{
	char *p;

	if (b->data == NULL)
		buf_grow(b, 0), b->data[0] = '\0';
	p = b->data;
	if (len != NULL)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *
util_read_file(const char *path, size_t max, size_t *len, char **cause)
{
	struct stat	 st;
	struct buf	 b = { 0 };
	char		 chunk[65536];
	ssize_t		 n;
	int		 fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		*cause = xasprintf("%s: %s", path, strerror(EISDIR));
		close(fd);
		return NULL;
	}
	if (max != 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		*cause = xasprintf("%s: file too large (%jd bytes, limit %zu)",
		    path, (intmax_t)st.st_size, max);
		close(fd);
		return NULL;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		buf_grow(&b, (size_t)st.st_size);
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xasprintf("%s: %s", path, strerror(errno));
			close(fd);
			buf_free(&b);
			return NULL;
		}
		if (n == 0)
			break;
		buf_add(&b, chunk, (size_t)n);
		if (max != 0 && b.len > max) {
			*cause = xasprintf("%s: file too large (limit %zu)",
			    path, max);
			close(fd);
			buf_free(&b);
			return NULL;
		}
	}
	close(fd);
	return buf_take(&b, len);
}

static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
util_write_atomic(const char *path, const void *data, size_t len, char **cause)
{
	char	*tmp, *dir, *slash;
	int	 fd, dfd, saved;

	tmp = xasprintf("%s.tmp.XXXXXX", path);
	/* Close-on-exec: the reader may start a browser while the indexer
	 * thread writes the cache. */
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	if (write_all(fd, data, len) == -1 || fsync(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(tmp);
		*cause = xasprintf("%s: %s", path, strerror(saved));
		free(tmp);
		return -1;
	}
	if (close(fd) == -1 || rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		*cause = xasprintf("%s: %s", path, strerror(saved));
		free(tmp);
		return -1;
	}
	free(tmp);
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd != -1) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
	return 0;
}

int
util_mkdirs(const char *path, int mode)
{
	char	*p, *s;
	int	 r = 0;

	p = xstrdup(path);
	for (s = p + 1; r == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, (mode_t)mode) == -1 && errno != EEXIST)
			r = -1;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return r;
}

char *
util_path_join(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), slash;
	char	*p;

	/* By hand, not asprintf: a large library joins one per article. */
	slash = la > 0 && a[la - 1] == '/' ? 0 : 1;
	p = xmalloc(la + slash + lb + 1);
	memcpy(p, a, la);
	if (slash)
		p[la] = '/';
	memcpy(p + la + slash, b, lb + 1);
	return p;
}

static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var), *home;

	if (v != NULL && *v == '/')
		return util_path_join(v, "inkstone");
	home = getenv("HOME");
	if (home == NULL || *home == '\0')
		home = "/";
	return xasprintf("%s/%s/inkstone", strcmp(home, "/") ? home : "",
	    fallback);
}

char *
util_config_dir(void)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *
util_data_dir(void)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *
util_cache_dir(void)
{
	return xdg_dir("XDG_CACHE_HOME", ".cache");
}

static char *
exists_or_free(char *p)
{
	if (p != NULL && access(p, R_OK) == 0)
		return p;
	free(p);
	return NULL;
}

char *
util_share_path(const char *rel)
{
	const char	*env = getenv("INKSTONE_SHAREDIR");
	char		 exe[4096], *slash, *p;
	ssize_t		 n;

	if (env != NULL && *env != '\0' &&
	    (p = exists_or_free(util_path_join(env, rel))) != NULL)
		return p;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			/* A source tree keeps themes/ at the top and the
			 * other shipped files under data/. */
			if ((p = exists_or_free(util_path_join(exe, rel))) != NULL)
				return p;
			char *data = util_path_join(exe, "data");
			p = exists_or_free(util_path_join(data, rel));
			free(data);
			if (p != NULL)
				return p;
		}
	}
	return exists_or_free(util_path_join(INKSTONE_SHAREDIR, rel));
}
