/* keys: key names, named actions and the bindings between them, per
 * context.  A key is a uint32_t: a Unicode code point or one of the special
 * keys below, or-ed with modifier flags.  The UI turns curses key codes into
 * this form (keys_from_char for the control characters a terminal sends);
 * nothing here knows curses. */
#ifndef INKSTONE_KEYS_H
#define INKSTONE_KEYS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Special keys live above the last Unicode code point. */
enum keys_special {
	KEYS_UP = 0x110000,
	KEYS_DOWN,
	KEYS_LEFT,
	KEYS_RIGHT,
	KEYS_HOME,
	KEYS_END,
	KEYS_PAGEUP,
	KEYS_PAGEDOWN,
	KEYS_INSERT,
	KEYS_DELETE,
	KEYS_BACKSPACE,
	KEYS_ENTER,
	KEYS_TAB,
	KEYS_ESCAPE,
	KEYS_F0		/* F1 is KEYS_F0 + 1, up to F20 */
};
#define KEYS_F(n)	((uint32_t)KEYS_F0 + (uint32_t)(n))
#define KEYS_NFKEYS	20

#define KEYS_CTRL	0x01000000u	/* C-: only on a-z, Space and specials */
#define KEYS_SHIFT	0x02000000u	/* S-: only on specials (S-g is G) */
#define KEYS_META	0x04000000u	/* M-: Alt, or Escape then the key */
#define KEYS_MODS	(KEYS_CTRL | KEYS_SHIFT | KEYS_META)
#define KEYS_BASE(k)	((k) & ~KEYS_MODS)
#define KEYS_SPACE	0x20u

/* The longest key name keys_name writes, with its NUL. */
#define KEYS_NAMELEN	32

/* Parses a key name as a user writes it: a single character ("j", "G",
 * "/", "中"), a named key (Space, Enter, Tab, Escape, Backspace, Delete,
 * Insert, Home, End, PageUp, PageDown, Up, Down, Left, Right, F1..F20; the
 * aliases Return, Esc, BS, Del, PgUp, PgDn), with any of the prefixes C-,
 * S-, M-.  Case of named keys is ignored; C-D is C-d and S-g is G.  Returns
 * 0 and the key in *key, or -1 with *cause (allocated) saying why. */
int		 keys_parse(const char *name, uint32_t *key, char **cause);

/* Writes the canonical name of key into buf (KEYS_NAMELEN bytes). */
const char	*keys_name(uint32_t key, char *buf);

/* Turns a character read from the terminal into a key: 0x01-0x1a become
 * C-a..C-z except Tab (0x09) and Enter (0x0a, 0x0d); 0x1b is Escape; 0x7f
 * and 0x08 are Backspace; 0x00 is C-Space. */
uint32_t	 keys_from_char(uint32_t c);

enum keys_context {
	KEYS_GLOBAL,
	KEYS_LIST,
	KEYS_READING,
	KEYS_HIGHLIGHTS,
	KEYS_SIDEBAR,
	KEYS_TAGS,		/* the list pane's tag view */
	KEYS_VISUAL,		/* the reading pane while selecting (v) */
	KEYS_NCONTEXTS
};

/* "global", "list", ... (static strings); keys_context_parse returns -1
 * if unknown. */
const char	*keys_context_name(enum keys_context ctx);
int		 keys_context_parse(const char *name);

/* Named actions.  KEYS_A_NONE ("none" in a config) unbinds a key. */
enum keys_action {
	KEYS_A_NONE,
	KEYS_A_QUIT,		/* quit */
	KEYS_A_CLOSE,		/* close: overlay, search, visual mode */
	KEYS_A_DOWN,		/* down */
	KEYS_A_UP,		/* up */
	KEYS_A_HALF_DOWN,	/* half-page-down */
	KEYS_A_HALF_UP,		/* half-page-up */
	KEYS_A_PAGE_DOWN,	/* page-down */
	KEYS_A_PAGE_UP,		/* page-up */
	KEYS_A_TOP,		/* top */
	KEYS_A_BOTTOM,		/* bottom */
	KEYS_A_OPEN,		/* open: article, or jump to highlight/entity */
	KEYS_A_NEXT_ARTICLE,	/* next-article */
	KEYS_A_PREV_ARTICLE,	/* prev-article */
	KEYS_A_FOCUS_NEXT,	/* focus-next */
	KEYS_A_FOCUS_PREV,	/* focus-prev */
	KEYS_A_FOCUS_LIST,	/* focus-list */
	KEYS_A_FOCUS_READING,	/* focus-reading */
	KEYS_A_FOCUS_HIGHLIGHTS,	/* focus-highlights */
	KEYS_A_FOCUS_SIDEBAR,	/* focus-sidebar */
	KEYS_A_ZOOM,		/* zoom: the focused pane alone */
	KEYS_A_TOGGLE_SIDEBAR,	/* toggle-sidebar */
	KEYS_A_TOGGLE_HIGHLIGHTS,	/* toggle-highlights */
	KEYS_A_SEARCH,		/* search */
	KEYS_A_SEARCH_NEXT,	/* search-next */
	KEYS_A_SEARCH_PREV,	/* search-prev */
	KEYS_A_SORT,		/* sort: cycle the sort order */
	KEYS_A_FILTER_TAG,	/* filter-tag */
	KEYS_A_FILTER_ENTITY,	/* filter-entity */
	KEYS_A_CLEAR_FILTER,	/* clear-filter */
	KEYS_A_TAG,		/* tag: prompt for +tag -tag */
	KEYS_A_QUICK_TAG_1,	/* quick-tag-1 .. quick-tag-9, in order */
	KEYS_A_QUICK_TAG_2,
	KEYS_A_QUICK_TAG_3,
	KEYS_A_QUICK_TAG_4,
	KEYS_A_QUICK_TAG_5,
	KEYS_A_QUICK_TAG_6,
	KEYS_A_QUICK_TAG_7,
	KEYS_A_QUICK_TAG_8,
	KEYS_A_QUICK_TAG_9,
	KEYS_A_TOGGLE_READ,	/* toggle-read */
	KEYS_A_MARK,		/* mark: select for a batch tag */
	KEYS_A_VISUAL,		/* visual: start a selection */
	KEYS_A_HIGHLIGHT,	/* highlight: keep the selection */
	KEYS_A_DELETE,		/* delete */
	KEYS_A_EDIT_NOTE,	/* edit-note */
	KEYS_A_ENTITY_ADD,	/* entity-add: the selection, as an entity */
	KEYS_A_ENTITY_IGNORE,	/* entity-ignore */
	KEYS_A_ENTITY_MARK,	/* entity-mark: to merge into another */
	KEYS_A_ENTITY_MERGE,	/* entity-merge: the marked one, as aliases */
	KEYS_A_HELP,		/* help */
	KEYS_A_REDRAW,		/* redraw */
	KEYS_A_RELOAD,		/* reload: rescan the library */
	KEYS_A_FILTER_UNREAD,	/* filter-unread: toggle unread only */
	KEYS_A_TAG_VIEW,	/* tag-view: the tags and their counts */
	KEYS_A_RENAME_TAG,	/* rename-tag: in the tag view */
	KEYS_A_WORD_FORWARD,	/* word-forward: visual mode, w */
	KEYS_A_WORD_BACKWARD,	/* word-backward */
	KEYS_A_SENTENCE_FORWARD,	/* sentence-forward */
	KEYS_A_SENTENCE_BACKWARD,	/* sentence-backward */
	KEYS_A_PARAGRAPH_FORWARD,	/* paragraph-forward */
	KEYS_A_PARAGRAPH_BACKWARD,	/* paragraph-backward */
	KEYS_A_OTHER_END,	/* other-end: the other end moves */
	KEYS_A_OPEN_URL,	/* open-url: the article's url in $BROWSER */
	KEYS_NACTIONS
};

/* "quit", "page-down", ... (static strings); keys_action_parse returns -1
 * if unknown. */
const char	*keys_action_name(enum keys_action a);
int		 keys_action_parse(const char *name);
/* One line of help for the action (static). */
const char	*keys_action_help(enum keys_action a);

struct keys_binding {
	enum keys_context	 ctx;
	uint32_t		 key;
	enum keys_action	 action;
};

/* The default bindings, written as a user writes them in the config. */
struct keys_default {
	const char	*ctx;
	const char	*key;
	const char	*action;
};
extern const struct keys_default keys_defaults[];
extern const size_t keys_ndefaults;

/* A set of bindings.  keys_map_new returns an empty map; keys_map_defaults
 * one holding keys_defaults.  Free with keys_map_free. */
struct keys_map;
struct keys_map	*keys_map_new(void);
struct keys_map	*keys_map_defaults(void);
void		 keys_map_free(struct keys_map *m);

/* Binds key to action in ctx, replacing what was there.  KEYS_A_NONE
 * unbinds: a global key is removed; in another context the key is bound to
 * nothing, which hides its global binding there. */
void		 keys_bind(struct keys_map *m, enum keys_context ctx,
		    uint32_t key, enum keys_action action);

/* The action for key in ctx, else in global, else KEYS_A_NONE.  A context
 * that binds a key to "none" hides the global binding. */
enum keys_action keys_lookup(const struct keys_map *m, enum keys_context ctx,
		    uint32_t key);

/* The action key is bound to in ctx itself (no global fallback; "none"
 * included), or -1 when ctx does not bind it. */
int		 keys_lookup_own(const struct keys_map *m,
		    enum keys_context ctx, uint32_t key);

/* The bindings in force in ctx: its own and the global ones it does not
 * shadow, in action order then key order.  Returns the count and sets *out
 * (allocated; the caller frees it). */
size_t		 keys_in_force(const struct keys_map *m, enum keys_context ctx,
		    struct keys_binding **out);

/* Prints every binding of m, context by context, one "KEY  ACTION  help"
 * a line (`inkstone check --keys`). */
void		 keys_help(FILE *f, const struct keys_map *m);

#endif
