/* cmd_check: `inkstone check [FILE...]` validates config, theme, state and
 * article files and prints every problem as file:line:col: message. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inkstone/article.h"
#include "inkstone/cmd.h"
#include "inkstone/config.h"
#include "inkstone/entity.h"
#include "inkstone/theme.h"
#include "inkstone/util.h"
#include "ynode.h"

enum kind {
	KIND_CONFIG,
	KIND_THEME,
	KIND_STATE,
	KIND_ARTICLE,
	KIND_UNKNOWN
};

static const char *const kind_names[] = {
	"config", "theme", "state", "article", "unknown"
};

static const char *const state_files[] = {
	"tags.yaml", "highlights.yaml", "entities.yaml"
};

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The kind of a file by its place and name (inkstone(1), check). */
static enum kind
file_kind(const char *path)
{
	const char	*base = strrchr(path, '/'), *dir;
	size_t		 i;

	base = base != NULL ? base + 1 : path;
	if (ends_with(path, ".txt") || ends_with(path, ".md"))
		return KIND_ARTICLE;
	if (!ends_with(path, ".yaml") && !ends_with(path, ".yml"))
		return KIND_UNKNOWN;
	if (base != path) {
		/* The folder just above: "themes/x.yaml", "a/themes/x.yaml". */
		for (dir = base - 1; dir > path && dir[-1] != '/'; dir--)
			;
		if (base - 1 - dir == 6 && strncmp(dir, "themes", 6) == 0)
			return KIND_THEME;
	}
	for (i = 0; i < sizeof state_files / sizeof state_files[0]; i++)
		if (strcmp(base, state_files[i]) == 0)
			return KIND_STATE;
	return KIND_CONFIG;
}

static void say(FILE *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints one line on f, made printable: it may quote a file or its name. */
static void
say(FILE *f, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *clean;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	clean = ynode_printable(msg);
	fprintf(f, "%s\n", clean);
	free(clean);
	free(msg);
}

static int
report(char **errors, size_t nerrors)
{
	size_t i;

	for (i = 0; i < nerrors; i++)
		fprintf(stderr, "%s\n", errors[i]);
	config_errors_free(errors, nerrors);
	return nerrors == 0 ? 0 : -1;
}

/* Reports that the theme a config names is missing, at the theme: line. */
static void
theme_missing(const char *path, const char *name, char ***errors,
    size_t *n)
{
	struct ynode	*root = NULL, *at = NULL;
	char		*buf, *cause = NULL;
	size_t		 len, k;

	if ((buf = util_read_file(path, 0, &len, &cause)) != NULL &&
	    ynode_parse(path, buf, len, &root, &cause) == 0 &&
	    root != NULL && root->type == YNODE_MAP)
		for (k = 0; k + 1 < root->n; k += 2)
			if (root->items[k]->type == YNODE_SCALAR &&
			    strcmp(root->items[k]->value, "theme") == 0)
				at = root->items[k + 1];
	ynode_error(errors, n, path, at, "theme \"%s\": not found in the "
	    "user's or the installed themes", name);
	ynode_free(root);
	free(cause);
	free(buf);
}

static int
check_config(const char *path)
{
	struct config	  c;
	char		**errors, *found;
	size_t		  n;

	config_load(path, &c, &errors, &n);
	/* A theme that cannot be found is an error here, at its place. */
	if (n == 0 && (found = theme_find(c.theme)) == NULL)
		theme_missing(path, c.theme, &errors, &n);
	else if (n == 0)
		free(found);
	config_free(&c);
	return report(errors, n);
}

static int
check_theme(const char *name)
{
	struct theme	  t;
	char		**errors;
	size_t		  n;

	theme_load(name, 256, &t, &errors, &n);
	theme_free(&t);
	return report(errors, n);
}

/* The store owns the schema of tags.yaml and highlights.yaml; here they
 * need to be YAML with a mapping at the top (or empty).  entities.yaml is
 * then read as the user's gazetteer, which checks its entries. */
static int
check_state(const char *path)
{
	struct entity_db *db;
	struct ynode	*root;
	const char	*base = strrchr(path, '/');
	char		*buf, *cause, *line, *next;
	size_t		 len;

	if ((buf = util_read_file(path, 0, &len, &cause)) == NULL) {
		say(stderr, "inkstone: %s", cause);
		free(cause);
		return -1;
	}
	if (ynode_parse(path, buf, len, &root, &cause) != 0) {
		free(buf);
		say(stderr, "%s", cause);
		free(cause);
		return -1;
	}
	free(buf);
	if (root != NULL && root->type != YNODE_MAP) {
		say(stderr, "%s:%d:%d: expected a mapping at the top, got %s",
		    path, root->line, root->col, ynode_kind(root));
		ynode_free(root);
		return -1;
	}
	ynode_free(root);
	base = base != NULL ? base + 1 : path;
	if (strcmp(base, "entities.yaml") == 0) {
		if ((db = entity_db_load(NULL, path, &cause)) == NULL) {
			/* One error a line (every repeated key is one). */
			for (line = strtok_r(cause, "\n", &next); line != NULL;
			    line = strtok_r(NULL, "\n", &next))
				say(stderr, "%s", line);
			free(cause);
			return -1;
		}
		entity_db_free(db);
	}
	return 0;
}

static int
check_article(const char *path)
{
	struct article	*a;
	char		*cause;
	int		 r = 0;

	if ((a = article_load(path, &cause)) == NULL) {
		say(stderr, "inkstone: %s", cause);
		free(cause);
		return -1;
	}
	if (a->error != NULL) {
		say(stderr, "%s", a->error);
		r = -1;
	}
	article_free(a);
	return r;
}

static int
check_file(const char *path, enum kind k)
{
	int r;

	switch (k) {
	case KIND_CONFIG:
		r = check_config(path);
		break;
	case KIND_THEME:
		r = check_theme(path);
		break;
	case KIND_STATE:
		r = check_state(path);
		break;
	case KIND_ARTICLE:
		r = check_article(path);
		break;
	default:
		say(stderr, "inkstone: %s: not a file check knows (a .yaml "
		    "config, theme or state file, or a .txt or .md article)",
		    path);
		return -1;
	}
	if (r == 0)
		say(stdout, "%s: ok (%s)", path, kind_names[k]);
	return r;
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.yaml theme in dir, in name order.  A missing folder is fine. */
static int
check_theme_dir(const char *dir)
{
	DIR		 *d;
	struct dirent	 *e;
	char		**v = NULL;
	size_t		  n = 0, i;
	int		  r = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, ".yaml"))
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = util_path_join(dir, e->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(v, n, sizeof *v, path_cmp);
	for (i = 0; i < n; i++) {
		if (check_file(v[i], KIND_THEME) != 0)
			r = -1;
		free(v[i]);
	}
	free(v);
	return r;
}

/* No FILE: the config in force, every theme that can be found, the theme
 * chosen, and the state files that exist. */
static int
check_all(const struct globals *g)
{
	struct config	  c;
	char		**errors, *p, *dir, *share;
	const char	 *name;
	size_t		  n, i;
	int		  r = 0, checked = 0;

	p = g->config != NULL ? xstrdup(g->config) : config_default_path();
	if (g->config != NULL || access(p, F_OK) == 0 || errno != ENOENT) {
		checked = 1;
		if (check_file(p, KIND_CONFIG) != 0)
			r = -1;
	} else
		say(stdout, "%s: missing, the defaults apply", p);
	free(p);
	dir = util_config_dir();
	p = util_path_join(dir, "themes");
	if (check_theme_dir(p) != 0)
		r = -1;
	free(p);
	free(dir);
	if ((share = util_share_path("themes")) != NULL) {
		if (check_theme_dir(share) != 0)
			r = -1;
		free(share);
	}
	/* The theme chosen may be a file elsewhere, or missing (the
	 * config's own was checked with the config). */
	config_load_default(g->config, &c, &errors, &n);
	config_errors_free(errors, n);
	name = theme_choose(g->theme, c.theme);
	if (name != c.theme || !checked) {
		if (strchr(name, '/') != NULL || ends_with(name, ".yaml")) {
			if (check_file(name, KIND_THEME) != 0)
				r = -1;
		} else if ((p = theme_find(name)) == NULL) {
			say(stderr, "inkstone: theme \"%s\": not found in the "
			    "user's or the installed themes", name);
			r = -1;
		} else
			free(p);
	}
	config_free(&c);
	dir = g->data_dir != NULL ? xstrdup(g->data_dir) : util_data_dir();
	for (i = 0; i < sizeof state_files / sizeof state_files[0]; i++) {
		p = util_path_join(dir, state_files[i]);
		if (access(p, F_OK) == 0 && check_file(p, KIND_STATE) != 0)
			r = -1;
		free(p);
	}
	free(dir);
	return r;
}

/* --keys: the key bindings in force, the config applied. */
static int
print_keys(const struct globals *g)
{
	struct config	  c;
	char		**errors;
	size_t		  n;
	int		  r;

	config_load_default(g->config, &c, &errors, &n);
	r = report(errors, n);
	if (r == 0)
		keys_help(stdout, c.keys);
	config_free(&c);
	return r;
}

int
cmd_check(int argc, char **argv, const struct globals *g)
{
	char	**files;
	int	  i, n = 0, r = 0, dashdash = 0, keys = 0;

	files = xcalloc((size_t)argc + 1, sizeof *files);
	for (i = 0; i < argc; i++) {
		if (!dashdash && strcmp(argv[i], "--") == 0)
			dashdash = 1;
		else if (!dashdash && strcmp(argv[i], "--keys") == 0)
			keys = 1;
		else if (!dashdash && argv[i][0] == '-' && argv[i][1] != '\0') {
			say(stderr, "inkstone: check: unknown option %s",
			    argv[i]);
			fputs("usage: inkstone check [--keys] [FILE...]\n",
			    stderr);
			free(files);
			return EXIT_USAGE;
		} else
			files[n++] = argv[i];
	}
	if (keys)
		r = print_keys(g);
	else if (n == 0)
		r = check_all(g);
	for (i = 0; i < n; i++)
		if (check_file(files[i], file_kind(files[i])) != 0)
			r = -1;
	free(files);
	return r == 0 ? 0 : EXIT_USAGE;
}
