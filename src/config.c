/* config: the loader of config.yaml, driven by the options table. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "inkstone/config.h"
#include "inkstone/store.h"
#include "inkstone/util.h"
#include "ynode.h"

/* A config file is a few kilobytes; anything this large is a mistake. */
#define CONFIG_MAXSIZE	(1024 * 1024)
#define CONFIG_MAXBINDINGS	1000

/* What one load works on: the file name for messages and the error list. */
struct load {
	const char	  *file;
	struct config	  *c;
	char		***errors;
	size_t		  *nerrors;
};

#define FIELD(c, o, type)	((type *)(void *)((char *)(c) + (o)->off))

static char *
expand_home(const char *s)
{
	const char *home = getenv("HOME");

	if (s[0] == '~' && s[1] == '/' && home != NULL && *home != '\0')
		return util_path_join(home, s + 2);
	return xstrdup(s);
}

static int
is_null(const struct ynode *v)
{
	return v == NULL || (v->type == YNODE_SCALAR && v->plain &&
	    (v->len == 0 || strcmp(v->value, "~") == 0 ||
	    strcmp(v->value, "null") == 0));
}

/* What a value is, for "expected X, got Y": its text when a scalar. */
static char *
describe(const struct ynode *v)
{
	if (v != NULL && v->type == YNODE_SCALAR && !is_null(v))
		return xasprintf("\"%.40s%s\"", v->value,
		    v->len > 40 ? "..." : "");
	return xstrdup(ynode_kind(v));
}

/* The first bad conversion of a strftime(3) format (its '%', with its
 * length in *len), or NULL.  Flags, a width and the E and O modifiers may
 * come between the '%' and the letter. */
static const char *
bad_conversion(const char *f, int *len)
{
	static const char ok[] = "aAbBcCdDeFgGhHIjklmMnprRsStTuUVwWxXyYzZ%+";
	const char *p;

	for (; (f = strchr(f, '%')) != NULL; f = p + 1) {
		p = f + 1;
		while (*p != '\0' && strchr("_-0^#", *p) != NULL)
			p++;
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p == 'E' || *p == 'O')
			p++;
		if (*p == '\0' || strchr(ok, *p) == NULL) {
			*len = (int)(p - f) + (*p != '\0');
			return f;
		}
	}
	return NULL;
}

static void
set_quick_tags(struct load *l, const struct config_option *o,
    const struct ynode *v)
{
	char		**tags = FIELD(l->c, o, char *);
	const struct ynode *seen[9] = { 0 };
	long long	  i;
	size_t		  k;
	char		 *d;

	if (v->type != YNODE_MAP) {
		ynode_error(l->errors, l->nerrors, l->file, v,
		    "%s: expected a mapping of 1-9 to tags, got %s", o->name,
		    ynode_kind(v));
		return;
	}
	for (k = 0; k + 1 < v->n && !ynode_full(*l->nerrors); k += 2) {
		const struct ynode *key = v->items[k], *val = v->items[k + 1];

		if (ynode_int(key, &i) != 0) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "%s: expected a number from 1 to 9, got %s",
			    o->name, key->type == YNODE_SCALAR ?
			    "a string" : ynode_kind(key));
			continue;
		}
		if (i < o->min || i > o->max) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "%s: %lld is out of range (1 to 9)", o->name, i);
			continue;
		}
		if (seen[i - 1] != NULL) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "%s: duplicate key %lld (first at line %d)",
			    o->name, i, seen[i - 1]->line);
			continue;
		}
		seen[i - 1] = key;
		if (val->type != YNODE_SCALAR || is_null(val)) {
			d = describe(val);
			ynode_error(l->errors, l->nerrors, l->file, val,
			    "%s: expected a tag, got %s", o->name, d);
			free(d);
			continue;
		}
		/* The store's rule, so a quick tag is one it can save. */
		if (store_tag_valid(val->value, &d) != 0) {
			ynode_error(l->errors, l->nerrors, l->file, val,
			    "%s: %s", o->name, d);
			free(d);
			continue;
		}
		free(tags[i - 1]);
		tags[i - 1] = xstrdup(val->value);
	}
}

static void
set_entities(struct load *l, const struct config_option *o,
    const struct ynode *v)
{
	const char	*got[CONFIG_NENTITIES];
	size_t		 i, j, n = 0;
	int		 bad = 0, dup;

	if (v->type != YNODE_SEQ) {
		ynode_error(l->errors, l->nerrors, l->file, v,
		    "%s: expected a list of entity types, got %s", o->name,
		    ynode_kind(v));
		return;
	}
	for (i = 0; i < v->n && !ynode_full(*l->nerrors); i++) {
		const struct ynode *it = v->items[i];
		const char *name = NULL, *hint;
		char *d;

		if (it->type == YNODE_SCALAR)
			for (j = 0; j < CONFIG_NENTITIES; j++)
				if (strcmp(it->value, config_entity_names[j]) ==
				    0)
					name = config_entity_names[j];
		if (name == NULL) {
			hint = it->type == YNODE_SCALAR ? ynode_suggest(
			    it->value, config_entity_names, CONFIG_NENTITIES) :
			    NULL;
			d = describe(it);
			ynode_error(l->errors, l->nerrors, l->file, it,
			    "%s: unknown entity type %s (one of PERSON, ORG, "
			    "PLACE, MONEY, PERCENT, DATE)%s%s%s", o->name, d,
			    hint != NULL ? "; did you mean " : "",
			    hint != NULL ? hint : "", hint != NULL ? "?" : "");
			free(d);
			bad = 1;
			continue;
		}
		for (j = 0, dup = 0; j < n; j++)
			dup |= got[j] == name;
		if (dup) {
			ynode_error(l->errors, l->nerrors, l->file, it,
			    "%s: %s is listed twice", o->name, name);
			bad = 1;
			continue;
		}
		got[n++] = name;
	}
	if (bad)
		return;
	memcpy(l->c->entities, got, n * sizeof got[0]);
	l->c->nentities = n;
}

static void
set_keys(struct load *l, const struct config_option *o,
    const struct ynode *v)
{
	const struct ynode	**seen;
	uint32_t		 *keys;
	size_t			  k, j, n = 0;
	char			 *cause, name[KEYS_NAMELEN];
	const char		 *names[KEYS_NACTIONS], *hint;
	int			  a;

	if (v->type != YNODE_MAP) {
		ynode_error(l->errors, l->nerrors, l->file, v,
		    "%s: expected a mapping of keys to actions, got %s",
		    o->name, ynode_kind(v));
		return;
	}
	if (v->n / 2 > CONFIG_MAXBINDINGS) {
		/* Checking for duplicates is quadratic; no one binds more
		 * keys than this in one pane. */
		ynode_error(l->errors, l->nerrors, l->file, v,
		    "%s: %zu bindings, more than the %d allowed", o->name,
		    v->n / 2, CONFIG_MAXBINDINGS);
		return;
	}
	for (a = 0; a < KEYS_NACTIONS; a++)
		names[a] = keys_action_name(a);
	seen = xcalloc(v->n / 2 + 1, sizeof *seen);
	keys = xcalloc(v->n / 2 + 1, sizeof *keys);
	for (k = 0; k + 1 < v->n && !ynode_full(*l->nerrors); k += 2) {
		const struct ynode *key = v->items[k], *val = v->items[k + 1];

		if (key->type != YNODE_SCALAR) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "%s: expected a key name, got %s", o->name,
			    ynode_kind(key));
			continue;
		}
		if (keys_parse(key->value, &keys[n], &cause) != 0) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "%s: %s", o->name, cause);
			free(cause);
			continue;
		}
		for (j = 0; j < n; j++)
			if (keys[j] == keys[n])
				break;
		if (j < n) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "%s: duplicate binding for %s (first at line %d, "
			    "column %d)", o->name, keys_name(keys[n], name),
			    seen[j]->line, seen[j]->col);
			continue;
		}
		seen[n] = key;
		if (val->type != YNODE_SCALAR || is_null(val)) {
			ynode_error(l->errors, l->nerrors, l->file, val,
			    "%s: expected an action for %s, got %s", o->name,
			    key->value, ynode_kind(val));
			n++;
			continue;
		}
		if ((a = keys_action_parse(val->value)) < 0) {
			hint = ynode_suggest(val->value, names, KEYS_NACTIONS);
			ynode_error(l->errors, l->nerrors, l->file, val,
			    "%s: unknown action \"%s\"%s%s%s", o->name,
			    val->value, hint != NULL ? "; did you mean \"" :
			    "", hint != NULL ? hint : "",
			    hint != NULL ? "\"?" : "");
			n++;
			continue;
		}
		keys_bind(l->c->keys, (enum keys_context)o->off, keys[n], a);
		n++;
	}
	free(seen);
	free(keys);
}

static void
set_option(struct load *l, const struct config_option *o,
    const struct ynode *v)
{
	long long	 i;
	int		 b, k;
	const char	*hint;
	char		**s, *d;

	switch (o->type) {
	case CONFIG_STRING:
	case CONFIG_PATH:
	case CONFIG_TIME_FORMAT:
		if (v->type != YNODE_SCALAR || is_null(v)) {
			ynode_error(l->errors, l->nerrors, l->file, v,
			    "%s: expected a string, got %s", o->name,
			    ynode_kind(v));
			return;
		}
		if (o->type == CONFIG_TIME_FORMAT &&
		    (hint = bad_conversion(v->value, &k)) != NULL) {
			ynode_error(l->errors, l->nerrors, l->file, v,
			    "%s: unknown conversion \"%.*s\" (see strftime(3))",
			    o->name, k, hint);
			return;
		}
		s = FIELD(l->c, o, char *);
		free(*s);
		*s = o->type == CONFIG_PATH ? expand_home(v->value) :
		    xstrdup(v->value);
		return;
	case CONFIG_INT:
		if (ynode_int(v, &i) != 0) {
			d = describe(v);
			ynode_error(l->errors, l->nerrors, l->file, v,
			    "%s: expected a number, got %s", o->name, d);
			free(d);
			return;
		}
		if (i < o->min || i > o->max) {
			ynode_error(l->errors, l->nerrors, l->file, v,
			    "%s: %lld is out of range (%d to %d)", o->name, i,
			    o->min, o->max);
			return;
		}
		*FIELD(l->c, o, int) = (int)i;
		return;
	case CONFIG_BOOL:
		if (ynode_bool(v, &b) != 0) {
			d = describe(v);
			ynode_error(l->errors, l->nerrors, l->file, v,
			    "%s: expected true or false, got %s", o->name, d);
			free(d);
			return;
		}
		*FIELD(l->c, o, int) = b;
		return;
	case CONFIG_ENUM:
		if (v->type == YNODE_SCALAR)
			for (k = 0; o->choices[k] != NULL; k++)
				if (strcmp(v->value, o->choices[k]) == 0) {
					*FIELD(l->c, o, int) = k;
					return;
				}
		for (k = 0; o->choices[k] != NULL; k++)
			;
		hint = v->type == YNODE_SCALAR ? ynode_suggest(v->value,
		    o->choices, (size_t)k) : NULL;
		{
			struct buf	 m = { 0 };

			for (k = 0; o->choices[k] != NULL; k++)
				buf_addf(&m, "%s%s", k ? ", " : "",
				    o->choices[k]);
			d = describe(v);
			ynode_error(l->errors, l->nerrors, l->file, v,
			    "%s: expected one of %s, got %s%s%s%s", o->name,
			    m.data, d, hint != NULL ? "; did you mean \"" :
			    "", hint != NULL ? hint : "",
			    hint != NULL ? "\"?" : "");
			buf_free(&m);
			free(d);
		}
		return;
	case CONFIG_QUICK_TAGS:
		set_quick_tags(l, o, v);
		return;
	case CONFIG_ENTITIES:
		set_entities(l, o, v);
		return;
	case CONFIG_KEYS:
		set_keys(l, o, v);
		return;
	}
}

/* The option named prefix+key, or NULL.  *section is set when prefix+key
 * begins some option names (layout, keys ...). */
static const struct config_option *
lookup(const char *prefix, const char *key, int *section)
{
	size_t	 i, np = strlen(prefix), nk = strlen(key);

	*section = 0;
	for (i = 0; i < config_noptions; i++) {
		const char *name = config_options[i].name;

		if (strncmp(name, prefix, np) != 0 ||
		    strncmp(name + np, key, nk) != 0)
			continue;
		if (name[np + nk] == '\0')
			return &config_options[i];
		if (name[np + nk] == '.')
			*section = 1;
	}
	return NULL;
}

static void
unknown_key(struct load *l, const char *prefix, const struct ynode *key)
{
	const char	**cands, *hint, *dot, *name;
	size_t		  i, j, n = 0, np = strlen(prefix);
	char		 *word;

	cands = xcalloc(config_noptions + 1, sizeof *cands);
	/* The names one level down from prefix, sections once each. */
	for (i = 0; i < config_noptions; i++) {
		name = config_options[i].name;
		if (strncmp(name, prefix, np) != 0)
			continue;
		dot = strchr(name + np, '.');
		word = xstrndup(name + np, dot != NULL ?
		    (size_t)(dot - (name + np)) : strlen(name + np));
		for (j = 0; j < n; j++)
			if (strcmp(cands[j], word) == 0)
				break;
		if (j == n)
			cands[n++] = word;
		else
			free(word);
	}
	hint = ynode_suggest(key->value, cands, n);
	if (hint != NULL)
		ynode_error(l->errors, l->nerrors, l->file, key,
		    "unknown option \"%s%s\"; did you mean \"%s%s\"?", prefix,
		    key->value, prefix, hint);
	else {
		/* Perhaps the right name at the wrong level. */
		hint = NULL;
		for (i = 0; i < config_noptions && hint == NULL; i++) {
			dot = strrchr(config_options[i].name, '.');
			if (dot != NULL && strcmp(dot + 1, key->value) == 0)
				hint = config_options[i].name;
		}
		ynode_error(l->errors, l->nerrors, l->file, key,
		    "unknown option \"%s%s\"%s%s%s", prefix, key->value,
		    hint != NULL ? "; did you mean \"" : "",
		    hint != NULL ? hint : "", hint != NULL ? "\"?" : "");
	}
	for (j = 0; j < n; j++)
		free((char *)(uintptr_t)cands[j]);
	free(cands);
}

static void
walk(struct load *l, const struct ynode *map, const char *prefix)
{
	const struct config_option	*o;
	size_t				 k, j;
	int				 section;
	char				*sub, *d;

	for (k = 0; k + 1 < map->n && !ynode_full(*l->nerrors); k += 2) {
		const struct ynode *key = map->items[k];
		const struct ynode *val = map->items[k + 1];

		if (key->type != YNODE_SCALAR) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "expected an option name, got %s", ynode_kind(key));
			continue;
		}
		for (j = 0; j < k; j += 2)
			if (map->items[j]->type == YNODE_SCALAR &&
			    strcmp(map->items[j]->value, key->value) == 0)
				break;
		if (j < k) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "duplicate option \"%s%s\" (first at line %d)",
			    prefix, key->value, map->items[j]->line);
			continue;
		}
		o = lookup(prefix, key->value, &section);
		if (o != NULL) {
			if (is_null(val) && (o->type == CONFIG_QUICK_TAGS ||
			    o->type == CONFIG_ENTITIES ||
			    o->type == CONFIG_KEYS))
				continue;	/* written but left empty */
			set_option(l, o, val);
		} else if (section) {
			if (is_null(val))
				continue;
			sub = xasprintf("%s%s.", prefix, key->value);
			if (val->type != YNODE_MAP) {
				d = describe(val);
				ynode_error(l->errors, l->nerrors, l->file, val,
				    "%s%s: expected a mapping, got %s", prefix,
				    key->value, d);
				free(d);
			} else
				walk(l, val, sub);
			free(sub);
		} else
			unknown_key(l, prefix, key);
	}
}

void
config_defaults(struct config *c)
{
	const struct config_option	*o;
	struct ynode			*v;
	char				**errors = NULL, *cause;
	size_t				 i, nerrors = 0;
	struct load			 l = { "(defaults)", c, &errors,
					    &nerrors };

	memset(c, 0, sizeof *c);
	c->keys = keys_map_defaults();
	for (i = 0; i < config_noptions; i++) {
		o = &config_options[i];
		if (o->def == NULL)
			continue;
		/* The defaults go through the loader, so they obey the
		 * same rules as what a user writes. */
		if (ynode_parse("(defaults)", o->def, strlen(o->def), &v,
		    &cause) != 0 || v == NULL) {
			fprintf(stderr, "inkstone: default of %s: %s\n",
			    o->name, cause != NULL ? cause : "empty");
			abort();
		}
		set_option(&l, o, v);
		ynode_free(v);
	}
	if (nerrors != 0) {
		fprintf(stderr, "inkstone: %s\n", errors[0]);
		abort();
	}
}

int
config_parse(const char *file, const char *buf, size_t len,
    struct config *c, char ***errors, size_t *nerrors)
{
	struct ynode	*root;
	struct load	 l = { file, c, errors, nerrors };
	char		*cause;

	if (ynode_parse(file, buf, len, &root, &cause) != 0) {
		ynode_error_take(errors, nerrors, cause);
		return -1;
	}
	if (root != NULL && root->type != YNODE_MAP)
		ynode_error(errors, nerrors, file, root,
		    "expected a mapping of options, got %s", ynode_kind(root));
	else if (root != NULL)
		walk(&l, root, "");
	ynode_free(root);
	return *nerrors == 0 ? 0 : -1;
}

int
config_load(const char *path, struct config *c, char ***errors,
    size_t *nerrors)
{
	char	*buf, *cause;
	size_t	 len;
	int	 r;

	*errors = NULL;
	*nerrors = 0;
	config_defaults(c);
	c->path = xstrdup(path);
	if ((buf = util_read_file(path, CONFIG_MAXSIZE, &len, &cause)) ==
	    NULL) {
		ynode_error_take(errors, nerrors, cause);
		return -1;
	}
	r = config_parse(path, buf, len, c, errors, nerrors);
	free(buf);
	return r;
}

char *
config_default_path(void)
{
	char	*dir = util_config_dir(), *p;

	p = util_path_join(dir, "config.yaml");
	free(dir);
	return p;
}

int
config_load_default(const char *path, struct config *c, char ***errors,
    size_t *nerrors)
{
	char	*p;
	int	 r;

	if (path != NULL)
		return config_load(path, c, errors, nerrors);
	p = config_default_path();
	if (access(p, F_OK) != 0 && errno == ENOENT) {
		/* No config is fine: the defaults. */
		free(p);
		*errors = NULL;
		*nerrors = 0;
		config_defaults(c);
		return 0;
	}
	r = config_load(p, c, errors, nerrors);
	free(p);
	return r;
}

void
config_free(struct config *c)
{
	size_t i;

	free(c->path);
	free(c->library);
	free(c->theme);
	free(c->date_format);
	for (i = 0; i < 9; i++)
		free(c->quick_tags[i]);
	keys_map_free(c->keys);
	memset(c, 0, sizeof *c);
}

void
config_errors_free(char **errors, size_t nerrors)
{
	size_t i;

	for (i = 0; i < nerrors; i++)
		free(errors[i]);
	free(errors);
}

