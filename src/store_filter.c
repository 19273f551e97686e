/* store_filter: tag filter expressions ("+ai -policy", "untagged") for
 * listing articles by their tags, and the filter for one tag as it is. */
#include <stdlib.h>
#include <string.h>

#include "inkstone/store.h"
#include "inkstone/util.h"

struct store_filter {
	char	**want;		/* every one must be present */
	size_t	  nwant;
	char	**deny;		/* none may be present */
	size_t	  ndeny;
	int	  untagged;	/* no tags at all */
};

static void
add(char ***v, size_t *n, const char *s, size_t len)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrndup(s, len);
}

struct store_filter *
store_filter_parse(const char *expr, char **cause)
{
	struct store_filter	*f = xcalloc(1, sizeof *f);
	const char		*p = expr, *w;
	char			*word;
	size_t			 len;
	int			 sign;

	for (;;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			break;
		w = p;
		len = strcspn(p, " \t");
		p += len;
		if (len == 8 && strncmp(w, "untagged", 8) == 0) {
			f->untagged = 1;
			continue;
		}
		sign = *w == '-' ? -1 : 1;
		if (*w == '+' || *w == '-')
			w++, len--;
		word = xstrndup(w, len);
		if (store_tag_valid(word, cause) == -1) {
			free(word);
			store_filter_free(f);
			return NULL;
		}
		if (sign > 0)
			add(&f->want, &f->nwant, word, len);
		else
			add(&f->deny, &f->ndeny, word, len);
		free(word);
	}
	return f;
}

struct store_filter *
store_filter_tag(const char *tag)
{
	struct store_filter *f = xcalloc(1, sizeof *f);

	add(&f->want, &f->nwant, tag, strlen(tag));
	return f;
}

static int
has(char *const *tags, size_t ntags, const char *tag)
{
	size_t i;

	for (i = 0; i < ntags; i++)
		if (strcmp(tags[i], tag) == 0)
			return 1;
	return 0;
}

int
store_filter_match(const struct store_filter *f, char *const *tags,
    size_t ntags)
{
	size_t i;

	if (f->untagged && ntags > 0)
		return 0;
	for (i = 0; i < f->nwant; i++)
		if (!has(tags, ntags, f->want[i]))
			return 0;
	for (i = 0; i < f->ndeny; i++)
		if (has(tags, ntags, f->deny[i]))
			return 0;
	return 1;
}

void
store_filter_free(struct store_filter *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nwant; i++)
		free(f->want[i]);
	for (i = 0; i < f->ndeny; i++)
		free(f->deny[i]);
	free(f->want);
	free(f->deny);
	free(f);
}
