/* theme: colour slots, the xterm palette and the theme loader. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "inkstone/theme.h"
#include "inkstone/util.h"
#include "ynode.h"

#define THEME_MAXSIZE	(1024 * 1024)

/* Each slot's name and the slot it inherits from; a parent always comes
 * before its children, so one pass in order resolves inheritance. */
static const struct {
	const char	*name;
	enum theme_slot	 parent;
	unsigned	 attrs;		/* the fallback theme */
} slots[THEME_NSLOTS] = {
	{ "normal", THEME_NORMAL, 0 },
	{ "border", THEME_NORMAL, 0 },
	{ "border-focus", THEME_BORDER, THEME_BOLD },
	{ "title", THEME_NORMAL, 0 },
	{ "title-focus", THEME_TITLE, THEME_BOLD | THEME_REVERSE },
	{ "list", THEME_NORMAL, 0 },
	{ "list-selected", THEME_LIST, THEME_REVERSE },
	{ "list-unread", THEME_LIST, THEME_BOLD },
	{ "list-date", THEME_LIST, 0 },
	{ "list-source", THEME_LIST, 0 },
	{ "list-tags", THEME_LIST, THEME_UNDERLINE },
	{ "list-marked", THEME_LIST, THEME_BOLD | THEME_UNDERLINE },
	{ "reading", THEME_NORMAL, 0 },
	{ "reading-title", THEME_READING, THEME_BOLD },
	{ "reading-meta", THEME_READING, THEME_DIM },
	{ "reading-bullet", THEME_READING, 0 },
	{ "highlights", THEME_NORMAL, 0 },
	{ "highlights-selected", THEME_HIGHLIGHTS, THEME_REVERSE },
	{ "highlights-orphan", THEME_HIGHLIGHTS, THEME_DIM },
	{ "sidebar", THEME_NORMAL, 0 },
	{ "sidebar-selected", THEME_SIDEBAR, THEME_REVERSE },
	{ "sidebar-heading", THEME_SIDEBAR, THEME_BOLD },
	{ "entity-person", THEME_NORMAL, 0 },
	{ "entity-org", THEME_NORMAL, 0 },
	{ "entity-place", THEME_NORMAL, 0 },
	{ "entity-money", THEME_NORMAL, 0 },
	{ "entity-percent", THEME_NORMAL, 0 },
	{ "entity-date", THEME_NORMAL, 0 },
	{ "highlight", THEME_NORMAL, THEME_UNDERLINE },
	{ "search", THEME_NORMAL, THEME_REVERSE },
	{ "search-current", THEME_SEARCH, THEME_REVERSE | THEME_BOLD },
	{ "selection", THEME_NORMAL, THEME_REVERSE },
	{ "status", THEME_NORMAL, THEME_REVERSE },
	{ "status-error", THEME_STATUS, THEME_REVERSE | THEME_BOLD },
	{ "prompt", THEME_STATUS, 0 },
	{ "help", THEME_NORMAL, 0 },
	{ "help-key", THEME_HELP, THEME_BOLD },
};

static const char *const colour_names[16] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	"bright-black", "bright-red", "bright-green", "bright-yellow",
	"bright-blue", "bright-magenta", "bright-cyan", "bright-white"
};

static const struct {
	const char	*name;
	unsigned	 bit;
} attr_names[] = {
	{ "bold", THEME_BOLD },
	{ "underline", THEME_UNDERLINE },
	{ "reverse", THEME_REVERSE },
	{ "dim", THEME_DIM },
	{ "italic", THEME_ITALIC },
};
#define NATTRS	(sizeof attr_names / sizeof attr_names[0])

/* xterm's first sixteen. */
static const uint32_t ansi16[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd,
	0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff,
	0x00ffff, 0xffffff
};

const char *
theme_slot_name(enum theme_slot s)
{
	return (unsigned)s < THEME_NSLOTS ? slots[s].name : "?";
}

int
theme_slot_parse(const char *name)
{
	int i;

	for (i = 0; i < THEME_NSLOTS; i++)
		if (strcmp(name, slots[i].name) == 0)
			return i;
	return -1;
}

enum theme_slot
theme_slot_parent(enum theme_slot s)
{
	return (unsigned)s < THEME_NSLOTS ? slots[s].parent : THEME_NORMAL;
}

uint32_t
theme_palette(int i)
{
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	int g;

	if (i < 0 || i > 255)
		return 0;
	if (i < 16)
		return ansi16[i];
	if (i < 232) {
		i -= 16;
		return (uint32_t)level[i / 36] << 16 |
		    (uint32_t)level[(i / 6) % 6] << 8 | (uint32_t)level[i % 6];
	}
	g = 8 + 10 * (i - 232);
	return (uint32_t)g << 16 | (uint32_t)g << 8 | (uint32_t)g;
}

/* Squared distance weighted by how the eye sees red against blue (the
 * "redmean" approximation): plain RGB distance picks visibly wrong greys. */
static long
colour_distance(uint32_t a, uint32_t b)
{
	long	 ra = a >> 16 & 0xff, ga = a >> 8 & 0xff, ba = a & 0xff;
	long	 rb = b >> 16 & 0xff, gb = b >> 8 & 0xff, bb = b & 0xff;
	long	 rmean = (ra + rb) / 2;
	long	 dr = ra - rb, dg = ga - gb, db = ba - bb;

	return ((512 + rmean) * dr * dr >> 8) + 4 * dg * dg +
	    ((767 - rmean) * db * db >> 8);
}

int
theme_nearest(uint32_t rgb, int ncolours)
{
	int	 i, lo, hi, best = -1;
	long	 d, bestd = 0;

	if (ncolours < 8)
		return THEME_DEFAULT;
	if (ncolours >= 256) {
		lo = 16;
		hi = 255;
	} else if (ncolours >= 16) {
		lo = 0;
		hi = 15;
	} else {
		lo = 0;
		hi = 7;
	}
	for (i = lo; i <= hi; i++) {
		d = colour_distance(rgb & 0xffffff, theme_palette(i));
		if (best < 0 || d < bestd) {
			best = i;
			bestd = d;
		}
	}
	return best;
}

char *
theme_find(const char *name)
{
	char	*dir, *file, *p;
	size_t	 n = strlen(name);

	if (strchr(name, '/') != NULL ||
	    (n > 5 && strcmp(name + n - 5, ".yaml") == 0))
		return xstrdup(name);
	if (n == 0)
		return NULL;
	file = xasprintf("themes/%s.yaml", name);
	dir = util_config_dir();
	p = util_path_join(dir, file);
	free(dir);
	if (access(p, R_OK) != 0) {
		free(p);
		p = util_share_path(file);
	}
	free(file);
	return p;
}

const char *
theme_choose(const char *cli, const char *cfg)
{
	const char *nc = getenv("NO_COLOR");

	if (nc != NULL && *nc != '\0')
		return "monochrome";
	if (cli != NULL)
		return cli;
	if (cfg != NULL)
		return cfg;
	return "default";
}

void
theme_fallback(struct theme *t)
{
	int i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < THEME_NSLOTS; i++) {
		t->slot[i].fg = THEME_DEFAULT;
		t->slot[i].bg = THEME_DEFAULT;
		t->slot[i].attrs = slots[i].attrs;
	}
}

void
theme_free(struct theme *t)
{
	free(t->name);
	free(t->path);
	t->name = t->path = NULL;
}

struct tload {
	const char	  *file;
	int		   ncolours;
	char		***errors;
	size_t		  *nerrors;
};

/* A colour as written: a name, 0-255 or "#rrggbb".  Returns 0 with *out
 * mapped to the terminal, or -1 after reporting the problem. */
static int
parse_colour(struct tload *l, const char *what, const struct ynode *v,
    int *out)
{
	const char	*hint, *s;
	long long	 i;
	unsigned	 rgb;
	int		 k, n;

	if (v->type != YNODE_SCALAR) {
		ynode_error(l->errors, l->nerrors, l->file, v,
		    "%s: expected a colour, got %s", what, ynode_kind(v));
		return -1;
	}
	s = v->value;
	if (ynode_int(v, &i) == 0) {
		if (i < 0 || i > 255) {
			ynode_error(l->errors, l->nerrors, l->file, v,
			    "%s: colour %lld is out of range (0 to 255)", what,
			    i);
			return -1;
		}
		*out = i < l->ncolours ? (int)i :
		    theme_nearest(theme_palette((int)i), l->ncolours);
		return 0;
	}
	if (s[0] == '#') {
		if (strlen(s) != 7 || sscanf(s + 1, "%6x%n", &rgb, &n) != 1 ||
		    n != 6) {
			ynode_error(l->errors, l->nerrors, l->file, v,
			    "%s: \"%s\" is not a #rrggbb colour", what, s);
			return -1;
		}
		*out = theme_nearest(rgb, l->ncolours);
		return 0;
	}
	if (strcmp(s, "default") == 0) {
		*out = THEME_DEFAULT;
		return 0;
	}
	for (k = 0; k < 16; k++)
		if (strcmp(s, colour_names[k]) == 0) {
			*out = k < l->ncolours ? k :
			    theme_nearest(ansi16[k], l->ncolours);
			return 0;
		}
	if (strcmp(s, "grey") == 0 || strcmp(s, "gray") == 0) {
		*out = 8 < l->ncolours ? 8 : theme_nearest(ansi16[8],
		    l->ncolours);
		return 0;
	}
	hint = ynode_suggest(s, colour_names, 16);
	ynode_error(l->errors, l->nerrors, l->file, v,
	    "%s: unknown colour \"%.40s\"%s%s%s (a name, 0 to 255 or "
	    "\"#rrggbb\")", what, s, hint != NULL ? "; did you mean \"" : "",
	    hint != NULL ? hint : "", hint != NULL ? "\"?" : "");
	return -1;
}

static int
parse_attr_word(struct tload *l, const char *what, const struct ynode *at,
    const char *w, size_t len, unsigned *attrs)
{
	const char	*cands[NATTRS], *hint;
	char		*word = xstrndup(w, len);
	size_t		 i;

	if (strcmp(word, "none") == 0) {
		free(word);
		return 0;
	}
	for (i = 0; i < NATTRS; i++) {
		cands[i] = attr_names[i].name;
		if (strcmp(word, attr_names[i].name) == 0) {
			*attrs |= attr_names[i].bit;
			free(word);
			return 0;
		}
	}
	hint = ynode_suggest(word, cands, NATTRS);
	ynode_error(l->errors, l->nerrors, l->file, at,
	    "%s: unknown attribute \"%.40s\"%s%s%s (bold, underline, reverse, "
	    "dim, italic or none)", what, word,
	    hint != NULL ? "; did you mean \"" : "", hint != NULL ? hint : "",
	    hint != NULL ? "\"?" : "");
	free(word);
	return -1;
}

/* attrs: a list of words, or one string of words separated by spaces. */
static int
parse_attrs(struct tload *l, const char *what, const struct ynode *v,
    unsigned *out)
{
	const char	*s, *e;
	unsigned	 attrs = 0;
	size_t		 i;
	int		 bad = 0;

	if (v->type == YNODE_SEQ) {
		for (i = 0; i < v->n && !ynode_full(*l->nerrors); i++) {
			if (v->items[i]->type != YNODE_SCALAR) {
				ynode_error(l->errors, l->nerrors, l->file,
				    v->items[i], "%s: expected an attribute, "
				    "got %s", what, ynode_kind(v->items[i]));
				bad = 1;
				continue;
			}
			bad |= parse_attr_word(l, what, v->items[i],
			    v->items[i]->value, v->items[i]->len, &attrs);
		}
	} else if (v->type == YNODE_SCALAR) {
		for (s = v->value; *s != '\0'; s = e) {
			while (*s == ' ' || *s == ',')
				s++;
			if (*s == '\0')
				break;
			for (e = s; *e != '\0' && *e != ' ' && *e != ','; e++)
				;
			bad |= parse_attr_word(l, what, v, s, (size_t)(e - s),
			    &attrs);
		}
	} else {
		ynode_error(l->errors, l->nerrors, l->file, v,
		    "%s: expected a list of attributes, got %s", what,
		    ynode_kind(v));
		return -1;
	}
	if (bad)
		return -1;
	*out = attrs;
	return 0;
}

static void
parse_slot(struct tload *l, const struct ynode *key, const struct ynode *v,
    struct theme_style *st, unsigned *given)
{
	static const char *const fields[] = { "fg", "bg", "attrs" };
	const char	*hint;
	char		*what;
	size_t		 k, j;
	int		 f;

	if (v->type != YNODE_MAP) {
		ynode_error(l->errors, l->nerrors, l->file, v,
		    "%s: expected a mapping of fg, bg and attrs, got %s",
		    key->value, ynode_kind(v));
		return;
	}
	for (k = 0; k + 1 < v->n && !ynode_full(*l->nerrors); k += 2) {
		const struct ynode *fk = v->items[k], *fv = v->items[k + 1];

		f = -1;
		if (fk->type == YNODE_SCALAR)
			for (j = 0; j < 3; j++)
				if (strcmp(fk->value, fields[j]) == 0)
					f = (int)j;
		if (f < 0) {
			hint = fk->type == YNODE_SCALAR ?
			    ynode_suggest(fk->value, fields, 3) : NULL;
			ynode_error(l->errors, l->nerrors, l->file, fk,
			    "%s: unknown field \"%.40s\"%s%s%s (fg, bg or "
			    "attrs)", key->value, fk->type == YNODE_SCALAR ?
			    fk->value : "?", hint != NULL ?
			    "; did you mean \"" : "", hint != NULL ? hint : "",
			    hint != NULL ? "\"?" : "");
			continue;
		}
		if (*given & (1u << f)) {
			ynode_error(l->errors, l->nerrors, l->file, fk,
			    "%s: duplicate field \"%s\"", key->value,
			    fields[f]);
			continue;
		}
		what = xasprintf("%s.%s", key->value, fields[f]);
		if (f == 0 && parse_colour(l, what, fv, &st->fg) == 0)
			*given |= 1u;
		else if (f == 1 && parse_colour(l, what, fv, &st->bg) == 0)
			*given |= 2u;
		else if (f == 2 && parse_attrs(l, what, fv, &st->attrs) == 0)
			*given |= 4u;
		free(what);
	}
}

static void
load_tree(struct tload *l, const struct ynode *root, struct theme *t)
{
	struct theme_style	 own[THEME_NSLOTS];
	unsigned		 given[THEME_NSLOTS] = { 0 };
	const struct ynode	*where[THEME_NSLOTS] = { 0 };
	const char		*names[THEME_NSLOTS + 1], *hint;
	size_t			 k;
	int			 s, p;

	for (s = 0; s < THEME_NSLOTS; s++)
		names[s] = slots[s].name;
	names[THEME_NSLOTS] = "description";
	memset(own, 0, sizeof own);
	for (k = 0; k + 1 < root->n && !ynode_full(*l->nerrors); k += 2) {
		const struct ynode *key = root->items[k];
		const struct ynode *v = root->items[k + 1];

		if (key->type != YNODE_SCALAR) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "expected a slot name, got %s", ynode_kind(key));
			continue;
		}
		if (strcmp(key->value, "description") == 0) {
			if (v->type != YNODE_SCALAR)
				ynode_error(l->errors, l->nerrors, l->file, v,
				    "description: expected a string, got %s",
				    ynode_kind(v));
			continue;
		}
		if ((s = theme_slot_parse(key->value)) < 0) {
			hint = ynode_suggest(key->value, names,
			    THEME_NSLOTS + 1);
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "unknown slot \"%.40s\"%s%s%s", key->value,
			    hint != NULL ? "; did you mean \"" : "",
			    hint != NULL ? hint : "",
			    hint != NULL ? "\"?" : "");
			continue;
		}
		if (where[s] != NULL) {
			ynode_error(l->errors, l->nerrors, l->file, key,
			    "duplicate slot \"%s\" (first at line %d)",
			    key->value, where[s]->line);
			continue;
		}
		where[s] = key;
		parse_slot(l, key, v, &own[s], &given[s]);
	}
	/* Unset fields come from the parent, which is already resolved. */
	for (s = 0; s < THEME_NSLOTS; s++) {
		p = slots[s].parent;
		if (s == THEME_NORMAL) {
			t->slot[s].fg = THEME_DEFAULT;
			t->slot[s].bg = THEME_DEFAULT;
			t->slot[s].attrs = 0;
		} else
			t->slot[s] = t->slot[p];
		if (given[s] & 1u)
			t->slot[s].fg = own[s].fg;
		if (given[s] & 2u)
			t->slot[s].bg = own[s].bg;
		if (given[s] & 4u)
			t->slot[s].attrs = own[s].attrs;
		/* Without colours, a slot told apart by colour alone
		 * would vanish (the selected line!): add the fallback's
		 * attributes. */
		if (l->ncolours < 8 && (given[s] & 3u))
			t->slot[s].attrs |= slots[s].attrs;
	}
}

int
theme_parse(const char *file, const char *buf, size_t len, int ncolours,
    struct theme *t, char ***errors, size_t *nerrors)
{
	struct tload	 l;
	struct ynode	*root = NULL;
	char		*cause;

	if (ynode_parse(file, buf, len, &root, &cause) != 0) {
		ynode_error_take(errors, nerrors, cause);
		return -1;
	}
	l.file = file;
	l.ncolours = ncolours;
	l.errors = errors;
	l.nerrors = nerrors;
	if (root == NULL || root->type != YNODE_MAP)
		ynode_error(errors, nerrors, file, root,
		    "expected a mapping of slots, got %s", ynode_kind(root));
	else
		load_tree(&l, root, t);
	ynode_free(root);
	return *nerrors == 0 ? 0 : -1;
}

int
theme_load(const char *name, int ncolours, struct theme *t, char ***errors,
    size_t *nerrors)
{
	char	*path, *buf, *cause;
	size_t	 len;
	int	 r;

	*errors = NULL;
	*nerrors = 0;
	theme_fallback(t);
	t->name = xstrdup(name);
	/* default is drawn in the 256-colour palette's greys and blues,
	 * which fold into black and white on fewer colours: there the
	 * sixteen-colour theme stands in for it. */
	if (strcmp(name, "default") == 0 && ncolours >= 8 && ncolours < 256)
		name = "sixteen";
	if ((path = theme_find(name)) == NULL) {
		ynode_error_take(errors, nerrors, xasprintf("theme \"%s\": not "
		    "found in the user's or the installed themes", name));
		return -1;
	}
	t->path = path;
	if ((buf = util_read_file(path, THEME_MAXSIZE, &len, &cause)) ==
	    NULL) {
		ynode_error_take(errors, nerrors, cause);
		return -1;
	}
	r = theme_parse(path, buf, len, ncolours, t, errors, nerrors);
	free(buf);
	if (r != 0) {
		/* Half a theme can leave text invisible: draw with none. */
		path = t->path;
		buf = t->name;
		theme_fallback(t);
		t->path = path;
		t->name = buf;
	}
	return r;
}
