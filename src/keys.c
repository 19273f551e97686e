/* keys: key names, actions, contexts and the binding table. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "inkstone/keys.h"
#include "inkstone/util.h"

struct keys_map {
	struct keys_binding	*v;
	size_t			 n;
};

static const struct {
	const char	*name;
	uint32_t	 key;
} named[] = {
	/* Canonical names first: keys_name uses the first match. */
	{ "Space", KEYS_SPACE },
	{ "Enter", KEYS_ENTER },
	{ "Tab", KEYS_TAB },
	{ "Escape", KEYS_ESCAPE },
	{ "Backspace", KEYS_BACKSPACE },
	{ "Delete", KEYS_DELETE },
	{ "Insert", KEYS_INSERT },
	{ "Home", KEYS_HOME },
	{ "End", KEYS_END },
	{ "PageUp", KEYS_PAGEUP },
	{ "PageDown", KEYS_PAGEDOWN },
	{ "Up", KEYS_UP },
	{ "Down", KEYS_DOWN },
	{ "Left", KEYS_LEFT },
	{ "Right", KEYS_RIGHT },
	{ "Return", KEYS_ENTER },
	{ "Esc", KEYS_ESCAPE },
	{ "BS", KEYS_BACKSPACE },
	{ "Del", KEYS_DELETE },
	{ "PgUp", KEYS_PAGEUP },
	{ "PgDn", KEYS_PAGEDOWN },
};
#define NNAMED	(sizeof named / sizeof named[0])

static const char *const context_names[KEYS_NCONTEXTS] = {
	"global", "list", "reading", "highlights", "sidebar", "tags",
	"visual"
};

static const struct {
	const char	*name;
	const char	*help;
} actions[KEYS_NACTIONS] = {
	{ "none", "nothing (unbinds the key)" },
	{ "quit", "save and quit" },
	{ "close", "close the help, a prompt or the selection" },
	{ "down", "move down a line" },
	{ "up", "move up a line" },
	{ "half-page-down", "move down half a page" },
	{ "half-page-up", "move up half a page" },
	{ "page-down", "move down a page" },
	{ "page-up", "move up a page" },
	{ "top", "go to the top" },
	{ "bottom", "go to the bottom" },
	{ "open", "open the article, highlight or entity" },
	{ "next-article", "read the next article" },
	{ "prev-article", "read the previous article" },
	{ "focus-next", "focus the next pane" },
	{ "focus-prev", "focus the previous pane" },
	{ "focus-list", "focus the article list" },
	{ "focus-reading", "focus the reading pane" },
	{ "focus-highlights", "focus the highlights pane" },
	{ "focus-sidebar", "focus the entity sidebar" },
	{ "zoom", "show the focused pane alone, or all panes again" },
	{ "toggle-sidebar", "show or hide the entity sidebar" },
	{ "toggle-highlights", "show or hide the highlights pane" },
	{ "search", "search forward" },
	{ "search-next", "go to the next match" },
	{ "search-prev", "go to the previous match" },
	{ "sort", "sort by date, title, source or path in turn" },
	{ "filter-tag", "show only articles with a tag" },
	{ "filter-entity", "show only articles naming an entity" },
	{ "clear-filter", "show all articles again" },
	{ "tag", "add or remove tags" },
	{ "quick-tag-1", "toggle quick tag 1" },
	{ "quick-tag-2", "toggle quick tag 2" },
	{ "quick-tag-3", "toggle quick tag 3" },
	{ "quick-tag-4", "toggle quick tag 4" },
	{ "quick-tag-5", "toggle quick tag 5" },
	{ "quick-tag-6", "toggle quick tag 6" },
	{ "quick-tag-7", "toggle quick tag 7" },
	{ "quick-tag-8", "toggle quick tag 8" },
	{ "quick-tag-9", "toggle quick tag 9" },
	{ "toggle-read", "mark the article read or unread" },
	{ "mark", "mark the article for a batch tag" },
	{ "visual", "start or stop selecting text" },
	{ "highlight", "keep the selected text as a highlight" },
	{ "delete", "delete the highlight" },
	{ "edit-note", "edit the highlight's note" },
	{ "entity-add", "make the selected words an entity (asks the type)" },
	{ "entity-ignore", "never list this entity again" },
	{ "entity-mark", "mark the entity to merge it into another" },
	{ "entity-merge", "merge the marked entity into this one as aliases" },
	{ "help", "show the key bindings" },
	{ "redraw", "redraw the screen" },
	{ "reload", "rescan the library" },
	{ "filter-unread", "show only unread articles, or all again" },
	{ "tag-view", "list the tags with their counts, or close the list" },
	{ "rename-tag", "rename the tag on every article" },
	{ "word-forward", "move the selection's moving end a word forward" },
	{ "word-backward", "move the selection's moving end a word back" },
	{ "sentence-forward", "move the moving end a sentence forward" },
	{ "sentence-backward", "move the moving end a sentence back" },
	{ "paragraph-forward", "move the moving end a paragraph forward" },
	{ "paragraph-backward", "move the moving end a paragraph back" },
	{ "other-end", "make the selection's other end the moving one" },
	{ "open-url", "open the article's URL in $BROWSER" },
};

/*
 * The defaults, written as a user writes them under keys: in config.yaml.
 * Movement is global so that every pane scrolls the same way (vi and less
 * keys both); the contexts add what only makes sense there.
 */
const struct keys_default keys_defaults[] = {
	{ "global", "q", "quit" },
	{ "global", "?", "help" },
	{ "global", "F1", "help" },
	{ "global", "Escape", "close" },
	{ "global", "j", "down" },
	{ "global", "Down", "down" },
	{ "global", "k", "up" },
	{ "global", "Up", "up" },
	{ "global", "C-d", "half-page-down" },
	{ "global", "C-u", "half-page-up" },
	{ "global", "Space", "page-down" },
	{ "global", "PageDown", "page-down" },
	{ "global", "C-f", "page-down" },
	{ "global", "b", "page-up" },
	{ "global", "PageUp", "page-up" },
	{ "global", "C-b", "page-up" },
	{ "global", "g", "top" },
	{ "global", "Home", "top" },
	{ "global", "G", "bottom" },
	{ "global", "End", "bottom" },
	{ "global", "Tab", "focus-next" },
	{ "global", "S-Tab", "focus-prev" },
	{ "global", "z", "zoom" },
	{ "global", "L", "focus-list" },
	{ "global", "S", "toggle-sidebar" },
	{ "global", "H", "toggle-highlights" },
	{ "global", "/", "search" },
	{ "global", "n", "search-next" },
	{ "global", "N", "search-prev" },
	{ "global", "t", "tag" },
	{ "global", "1", "quick-tag-1" },
	{ "global", "2", "quick-tag-2" },
	{ "global", "3", "quick-tag-3" },
	{ "global", "4", "quick-tag-4" },
	{ "global", "5", "quick-tag-5" },
	{ "global", "6", "quick-tag-6" },
	{ "global", "7", "quick-tag-7" },
	{ "global", "8", "quick-tag-8" },
	{ "global", "9", "quick-tag-9" },
	{ "global", "C-l", "redraw" },
	{ "global", "F5", "reload" },
	{ "global", "T", "tag-view" },
	{ "list", "Enter", "open" },
	{ "list", "r", "toggle-read" },
	{ "list", "m", "mark" },
	{ "list", "o", "sort" },
	{ "list", "f", "filter-tag" },
	{ "list", "e", "filter-entity" },
	{ "list", "c", "clear-filter" },
	{ "list", "u", "filter-unread" },
	{ "list", "O", "open-url" },
	{ "reading", "J", "next-article" },
	{ "reading", "K", "prev-article" },
	{ "reading", "r", "toggle-read" },
	{ "reading", "v", "visual" },
	{ "reading", "h", "highlight" },
	{ "reading", "O", "open-url" },
	{ "reading", "E", "entity-add" },
	{ "highlights", "Enter", "open" },
	{ "highlights", "d", "delete" },
	{ "highlights", "Delete", "delete" },
	{ "highlights", "e", "edit-note" },
	{ "sidebar", "Enter", "open" },
	{ "sidebar", "f", "filter-entity" },
	{ "tags", "Enter", "open" },
	{ "tags", "R", "rename-tag" },
	{ "visual", "w", "word-forward" },
	{ "visual", "b", "word-backward" },
	{ "visual", ")", "sentence-forward" },
	{ "visual", "(", "sentence-backward" },
	{ "visual", "}", "paragraph-forward" },
	{ "visual", "{", "paragraph-backward" },
	{ "visual", "o", "other-end" },
	{ "sidebar", "i", "entity-ignore" },
	{ "sidebar", "m", "entity-mark" },
	{ "sidebar", "a", "entity-merge" },
};
const size_t keys_ndefaults = sizeof keys_defaults / sizeof keys_defaults[0];

static int
is_special(uint32_t base)
{
	return base >= KEYS_UP && base <= KEYS_F(KEYS_NFKEYS);
}

int
keys_parse(const char *name, uint32_t *key, char **cause)
{
	const char	*s = name;
	uint32_t	 mods = 0, mod, base;
	ucs4_t		 uc;
	size_t		 i, len;
	int		 n;
	char		*end;

	*cause = NULL;
	while (s[0] != '\0' && s[1] == '-' && s[2] != '\0' &&
	    strchr("CSM", s[0]) != NULL) {
		mod = s[0] == 'C' ? KEYS_CTRL : s[0] == 'S' ? KEYS_SHIFT :
		    KEYS_META;
		if (mods & mod) {
			*cause = xasprintf("%c- twice in key \"%s\"", s[0],
			    name);
			return -1;
		}
		mods |= mod;
		s += 2;
	}
	len = strlen(s);
	n = len == 0 ? -1 : u8_mbtoucr(&uc, (const uint8_t *)s, len);
	if (n > 0 && (size_t)n == len) {
		if (uc < 0x20 || (uc >= 0x7f && uc < 0xa0) || uc == 0x20) {
			*cause = xasprintf("unknown key \"%s\" (write control "
			    "keys as C-x, and Space)", name);
			return -1;
		}
		base = uc;
	} else {
		base = 0;
		for (i = 0; i < NNAMED; i++)
			if (strcasecmp(s, named[i].name) == 0) {
				base = named[i].key;
				break;
			}
		if (base == 0 && (s[0] == 'F' || s[0] == 'f') &&
		    s[1] >= '1' && s[1] <= '9') {
			long f = strtol(s + 1, &end, 10);

			if (*end == '\0' && f >= 1 && f <= KEYS_NFKEYS)
				base = KEYS_F(f);
		}
		if (base == 0) {
			*cause = xasprintf("unknown key \"%s\"%s", name,
			    strncasecmp(s, "ctrl", 4) == 0 ? " (write C-x for "
			    "Control and x)" : strncasecmp(s, "alt", 3) == 0 ?
			    " (write M-x for Alt and x)" :
			    strncasecmp(s, "shift", 5) == 0 ? " (write S-Tab "
			    "for Shift and Tab)" : "");
			return -1;
		}
	}
	if ((mods & KEYS_SHIFT) && !is_special(base)) {
		if (!(base < 0x80 && ((base >= 'a' && base <= 'z') ||
		    (base >= 'A' && base <= 'Z'))) || (mods & KEYS_CTRL)) {
			*cause = xasprintf("S- works only on letters and named "
			    "keys (not with C- on a letter) in \"%s\"", name);
			return -1;
		}
		/* S-g is G: that is what the terminal sends. */
		base = base & ~0x20u;
		mods &= ~KEYS_SHIFT;
	}
	if ((mods & KEYS_CTRL) && !is_special(base)) {
		if (base < 0x80 && base >= 'A' && base <= 'Z')
			base |= 0x20u;
		if (!(base >= 'a' && base <= 'z') && base != KEYS_SPACE) {
			*cause = xasprintf("C- works only on letters, Space "
			    "and named keys in \"%s\"", name);
			return -1;
		}
	}
	*key = base | mods;
	return 0;
}

const char *
keys_name(uint32_t key, char *buf)
{
	uint32_t	 base = KEYS_BASE(key);
	size_t		 i, off = 0, n;

	if (key & KEYS_CTRL) {
		memcpy(buf + off, "C-", 2);
		off += 2;
	}
	if (key & KEYS_META) {
		memcpy(buf + off, "M-", 2);
		off += 2;
	}
	if (key & KEYS_SHIFT) {
		memcpy(buf + off, "S-", 2);
		off += 2;
	}
	for (i = 0; i < NNAMED; i++)
		if (named[i].key == base) {
			snprintf(buf + off, KEYS_NAMELEN - off, "%s",
			    named[i].name);
			return buf;
		}
	if (base > KEYS_F0 && base <= KEYS_F(KEYS_NFKEYS))
		snprintf(buf + off, KEYS_NAMELEN - off, "F%u",
		    (unsigned)(base - KEYS_F0));
	else if (base < 0x110000 &&
	    (n = (size_t)u8_uctomb((uint8_t *)buf + off, base, 6)) > 0 &&
	    n <= 6)
		buf[off + n] = '\0';
	else
		snprintf(buf + off, KEYS_NAMELEN - off, "0x%X",
		    (unsigned)base);
	return buf;
}

uint32_t
keys_from_char(uint32_t c)
{
	switch (c) {
	case 0x00:
		return KEYS_CTRL | KEYS_SPACE;
	case 0x08:
	case 0x7f:
		return KEYS_BACKSPACE;
	case 0x09:
		return KEYS_TAB;
	case 0x0a:
	case 0x0d:
		return KEYS_ENTER;
	case 0x1b:
		return KEYS_ESCAPE;
	}
	if (c < 0x1b)
		return KEYS_CTRL | ('a' + c - 1);
	return c;
}

const char *
keys_context_name(enum keys_context ctx)
{
	return (unsigned)ctx < KEYS_NCONTEXTS ? context_names[ctx] : "?";
}

int
keys_context_parse(const char *name)
{
	int i;

	for (i = 0; i < KEYS_NCONTEXTS; i++)
		if (strcmp(name, context_names[i]) == 0)
			return i;
	return -1;
}

const char *
keys_action_name(enum keys_action a)
{
	return (unsigned)a < KEYS_NACTIONS ? actions[a].name : "?";
}

const char *
keys_action_help(enum keys_action a)
{
	return (unsigned)a < KEYS_NACTIONS ? actions[a].help : "";
}

int
keys_action_parse(const char *name)
{
	int i;

	for (i = 0; i < KEYS_NACTIONS; i++)
		if (strcmp(name, actions[i].name) == 0)
			return i;
	return -1;
}

struct keys_map *
keys_map_new(void)
{
	return xcalloc(1, sizeof(struct keys_map));
}

struct keys_map *
keys_map_defaults(void)
{
	struct keys_map	*m = keys_map_new();
	uint32_t	 key;
	char		*cause;
	size_t		 i;
	int		 ctx, a;

	for (i = 0; i < keys_ndefaults; i++) {
		ctx = keys_context_parse(keys_defaults[i].ctx);
		a = keys_action_parse(keys_defaults[i].action);
		if (ctx < 0 || a < 0 ||
		    keys_parse(keys_defaults[i].key, &key, &cause) != 0) {
			/* The table is ours; test_keys proves it parses. */
			fprintf(stderr, "inkstone: bad default binding %s %s\n",
			    keys_defaults[i].ctx, keys_defaults[i].key);
			abort();
		}
		keys_bind(m, ctx, key, a);
	}
	return m;
}

void
keys_map_free(struct keys_map *m)
{
	if (m == NULL)
		return;
	free(m->v);
	free(m);
}

static struct keys_binding *
find(const struct keys_map *m, enum keys_context ctx, uint32_t key)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].ctx == ctx && m->v[i].key == key)
			return &m->v[i];
	return NULL;
}

void
keys_bind(struct keys_map *m, enum keys_context ctx, uint32_t key,
    enum keys_action action)
{
	struct keys_binding *b = find(m, ctx, key);

	if (b != NULL && action == KEYS_A_NONE && ctx == KEYS_GLOBAL) {
		*b = m->v[--m->n];
		return;
	}
	if (b != NULL) {
		b->action = action;
		return;
	}
	if (action == KEYS_A_NONE && ctx == KEYS_GLOBAL)
		return;
	m->v = xreallocarray(m->v, m->n + 1, sizeof *m->v);
	m->v[m->n].ctx = ctx;
	m->v[m->n].key = key;
	m->v[m->n].action = action;
	m->n++;
}

enum keys_action
keys_lookup(const struct keys_map *m, enum keys_context ctx, uint32_t key)
{
	const struct keys_binding *b;

	if ((b = find(m, ctx, key)) != NULL)
		return b->action;
	if (ctx != KEYS_GLOBAL && (b = find(m, KEYS_GLOBAL, key)) != NULL)
		return b->action;
	return KEYS_A_NONE;
}

int
keys_lookup_own(const struct keys_map *m, enum keys_context ctx,
    uint32_t key)
{
	const struct keys_binding *b = find(m, ctx, key);

	return b != NULL ? (int)b->action : -1;
}

static int
binding_cmp(const void *va, const void *vb)
{
	const struct keys_binding *a = va, *b = vb;

	if (a->action != b->action)
		return a->action < b->action ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return 0;
}

size_t
keys_in_force(const struct keys_map *m, enum keys_context ctx,
    struct keys_binding **out)
{
	struct keys_binding	*v;
	size_t			 i, n = 0;

	v = xcalloc(m->n + 1, sizeof *v);
	for (i = 0; i < m->n; i++) {
		if (m->v[i].action == KEYS_A_NONE)
			continue;
		if (m->v[i].ctx == ctx ||
		    (m->v[i].ctx == KEYS_GLOBAL && find(m, ctx, m->v[i].key) ==
		    NULL))
			v[n++] = m->v[i];
	}
	qsort(v, n, sizeof *v, binding_cmp);
	*out = v;
	return n;
}

void
keys_help(FILE *f, const struct keys_map *m)
{
	struct keys_binding	*v;
	char			 name[KEYS_NAMELEN];
	size_t			 i, n;
	int			 ctx;

	v = xcalloc(m->n + 1, sizeof *v);
	for (ctx = 0; ctx < KEYS_NCONTEXTS; ctx++) {
		n = 0;
		for (i = 0; i < m->n; i++)
			if ((int)m->v[i].ctx == ctx &&
			    m->v[i].action != KEYS_A_NONE)
				v[n++] = m->v[i];
		if (n == 0)
			continue;
		qsort(v, n, sizeof *v, binding_cmp);
		fprintf(f, "keys.%s:\n", context_names[ctx]);
		for (i = 0; i < n; i++)
			fprintf(f, "  %-10s %-18s %s\n",
			    keys_name(v[i].key, name),
			    actions[v[i].action].name,
			    actions[v[i].action].help);
	}
	free(v);
}
