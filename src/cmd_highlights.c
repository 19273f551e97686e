/* cmd_highlights: `inkstone highlights [--format markdown|yaml] [FILE]` --
 * exports the reader's highlights with each article's title, source and
 * date; each highlight is re-anchored in the article as it is now, and
 * one that cannot be found is exported marked orphaned. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "inkstone/anchor.h"
#include "inkstone/app.h"
#include "inkstone/article.h"
#include "inkstone/cmd.h"
#include "inkstone/store.h"
#include "inkstone/text.h"
#include "inkstone/util.h"
#include "store_int.h"

enum format { MARKDOWN, YAML };

/* Everything printed passes through here: a hand-edited state file may
 * hold escape sequences. */
static char *
clean(const char *s)
{
	return text_clean(s, strlen(s), NULL);
}

static int
orphaned(const struct article *a, const struct store_highlight *h)
{
	struct anchor_match m;

	if (a == NULL)
		return 1;
	return anchor_find(a->paras, a->npara, h->quote, h->before, h->after,
	    h->para, h->offset, &m) == -1;
}

static const char *
date_of(const struct article *a)
{
	if (a == NULL)
		return NULL;
	if (a->date_iso[0] != '\0')
		return a->date_iso;
	return a->date;
}

/* Each line of s, prefixed. */
static void
print_lines(struct buf *out, const char *prefix, const char *s)
{
	char		*c = clean(s);
	const char	*p = c, *nl;

	for (;;) {
		nl = strchr(p, '\n');
		buf_adds(out, prefix);
		buf_add(out, p, nl ? (size_t)(nl - p) : strlen(p));
		buf_addc(out, '\n');
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	free(c);
}

static void
markdown(struct buf *out, const char *key, const struct article *a,
    const char *why, const struct store_state *st)
{
	const char	*date = date_of(a);
	char		*c;
	size_t		 i;

	if (out->len > 0)
		buf_addc(out, '\n');
	c = clean(a != NULL && a->title[0] != '\0' ? a->title : key);
	buf_addf(out, "## %s\n\n", c);
	free(c);
	if (a != NULL && a->source != NULL)
		print_lines(out, "Source: ", a->source);
	if (date != NULL)
		print_lines(out, "Date: ", date);
	if (a != NULL && a->url != NULL)
		print_lines(out, "URL: ", a->url);
	print_lines(out, "File: ", key);
	if (why != NULL)
		print_lines(out, "Not readable: ", why);
	for (i = 0; i < st->nhl; i++) {
		buf_addc(out, '\n');
		print_lines(out, "> ", st->hl[i].quote);
		if (orphaned(a, &st->hl[i]))
			buf_adds(out, "\n(orphaned: no longer found in the "
			    "article)\n");
		if (st->hl[i].note != NULL) {
			buf_addc(out, '\n');
			print_lines(out, "", st->hl[i].note);
		}
	}
}

static void
add_pair(struct snode *map, const char *k, struct snode *v)
{
	snode_add(map, snode_raw(k));
	snode_add(map, v);
}

static void
add_text(struct snode *map, const char *k, const char *v)
{
	char *c;

	if (v == NULL)
		return;
	c = clean(v);
	add_pair(map, k, snode_text(c));
	free(c);
}

static void
yaml(struct snode *root, const char *key, const struct article *a,
    const char *why, const struct store_state *st)
{
	struct snode	*art = snode_box(SN_MAP), *list, *h;
	struct tm	 tm;
	char		 when[32];
	size_t		 i;

	add_text(art, "file", key);
	add_text(art, "title", a != NULL ? a->title : NULL);
	add_text(art, "source", a != NULL ? a->source : NULL);
	add_text(art, "date", date_of(a));
	add_text(art, "url", a != NULL ? a->url : NULL);
	add_text(art, "error", why);
	list = snode_box(SN_SEQ);
	for (i = 0; i < st->nhl; i++) {
		h = snode_box(SN_MAP);
		add_text(h, "quote", st->hl[i].quote);
		add_text(h, "note", st->hl[i].note);
		if (st->hl[i].created != 0 &&
		    gmtime_r(&st->hl[i].created, &tm) != NULL) {
			strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
			add_pair(h, "created", snode_raw(when));
		}
		if (orphaned(a, &st->hl[i]))
			add_pair(h, "orphaned", snode_raw("true"));
		snode_add(list, h);
	}
	add_pair(art, "highlights", list);
	snode_add(root, art);
}

static void
export(struct store *s, const char *key, const struct store_state *st,
    enum format fmt, struct buf *out, struct snode *root)
{
	struct article	*a;
	char		*path, *why = NULL;

	if (st->nhl == 0)
		return;
	path = store_key_path(s, key);
	a = article_load(path, &why);
	free(path);
	if (fmt == MARKDOWN)
		markdown(out, key, a, why, st);
	else
		yaml(root, key, a, why, st);
	free(why);
	if (a != NULL)
		article_free(a);
}

static int
usage(void)
{
	fputs("usage: inkstone highlights [--format markdown|yaml] [FILE]\n",
	    stderr);
	return EXIT_USAGE;
}

int
cmd_highlights(int argc, char **argv, const struct globals *g)
{
	struct app		 app;
	struct store		*s;
	struct store_article	 art;
	struct store_state	 st;
	struct buf		 out = { 0 };
	struct snode		*root = snode_box(SN_SEQ);
	const char		*file = NULL, *const *keys;
	enum format		 fmt = MARKDOWN;
	char			*cause = NULL, *y;
	size_t			 i, n, len;
	int			 k, r = 0, opts = 1;

	for (k = 0; k < argc; k++) {
		if (opts && strcmp(argv[k], "--") == 0)
			opts = 0;
		else if (opts && strncmp(argv[k], "--format", 8) == 0) {
			const char *v = argv[k][8] == '=' ? argv[k] + 9 :
			    argv[k][8] == '\0' && k + 1 < argc ? argv[++k] :
			    NULL;

			if (v != NULL && strcmp(v, "markdown") == 0)
				fmt = MARKDOWN;
			else if (v != NULL && strcmp(v, "yaml") == 0)
				fmt = YAML;
			else {
				stree_free(root);
				return usage();
			}
		} else if ((opts && argv[k][0] == '-' && argv[k][1] != '\0') ||
		    file != NULL) {
			stree_free(root);
			return usage();
		} else
			file = argv[k];
	}
	if ((r = app_init(&app, g, NULL)) != 0) {
		app_free(&app);
		stree_free(root);
		return r;
	}
	if ((s = app_store(&app, &cause)) == NULL) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		app_free(&app);
		stree_free(root);
		return EXIT_RUNTIME;
	}
	if (store_problem(s, STORE_HIGHLIGHTS) != NULL) {
		fprintf(stderr, "inkstone: %s\n",
		    store_problem(s, STORE_HIGHLIGHTS));
		r = EXIT_RUNTIME;
	} else if (file != NULL) {
		if (store_article_init(s, file, &art, &cause) == -1) {
			fprintf(stderr, "inkstone: %s\n", cause);
			free(cause);
			r = EXIT_RUNTIME;
		} else {
			store_get(s, &art, &st);
			export(s, art.key, &st, fmt, &out, root);
			store_article_free(&art);
		}
	} else {
		n = store_keys(s, STORE_HIGHLIGHTS, &keys);
		for (i = 0; i < n; i++) {
			store_get_key(s, keys[i], &st);
			export(s, keys[i], &st, fmt, &out, root);
		}
	}
	if (fmt == YAML && r == 0) {
		y = stree_emit(root, &len);
		buf_add(&out, y, len);
		free(y);
	}
	stree_free(root);
	if (out.len > 0 && fwrite(out.data, 1, out.len, stdout) != out.len)
		r = EXIT_RUNTIME;
	buf_free(&out);
	if (store_flush(s, &cause) == -1) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		r = EXIT_RUNTIME;
	}
	app_free(&app);
	if (fflush(stdout) == EOF)
		r = EXIT_RUNTIME;
	return r;
}
