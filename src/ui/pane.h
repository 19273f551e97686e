/* pane: what the reader's panes share inside src/ui.  Each pane has a
 * draw function that paints its window from the models and a key function
 * that returns the REDRAW_* flags of what changed; the loop in ui.c acts on
 * the flags and sends only the changed windows to the terminal. */
#ifndef INKSTONE_UI_PANE_H
#define INKSTONE_UI_PANE_H

#include <curses.h>
#include <signal.h>
#include <stddef.h>

#include "inkstone/cmd.h"
#include "inkstone/config.h"
#include "inkstone/keys.h"
#include "inkstone/layout.h"
#include "inkstone/library.h"
#include "inkstone/listmodel.h"
#include "inkstone/render.h"
#include "inkstone/search.h"
#include "inkstone/selection.h"
#include "inkstone/theme.h"
#include "inkstone/util.h"
#include "inkstone/wrap.h"

#define REDRAW_LIST		(1 << LAYOUT_LIST)
#define REDRAW_READING		(1 << LAYOUT_READING)
#define REDRAW_HIGHLIGHTS	(1 << LAYOUT_HIGHLIGHTS)
#define REDRAW_SIDEBAR		(1 << LAYOUT_SIDEBAR)
#define REDRAW_STATUS		(1 << 4)
#define REDRAW_PANES		(REDRAW_LIST | REDRAW_READING | \
				 REDRAW_HIGHLIGHTS | REDRAW_SIDEBAR)
#define REDRAW_ALL		(REDRAW_PANES | REDRAW_STATUS)
#define REDRAW_LAYOUT		(1 << 5)	/* panes moved: lay out again */

/* What the status line's prompt is asking for. */
enum prompt {
	PROMPT_NONE,
	PROMPT_SEARCH,		/* search the open article */
	PROMPT_FILTER,		/* filter the list by text */
	PROMPT_ENTITY,		/* find an entity in the sidebar */
	PROMPT_ENTITY_FILTER,	/* filter the list by an entity's name */
	PROMPT_TAG_FILTER,	/* filter the list by tags */
	PROMPT_TAG,		/* +tag -tag on the current article */
	PROMPT_NOTE,		/* the note of a saved highlight */
	PROMPT_KEEP,		/* the note of a highlight about to be kept */
	PROMPT_RENAME_TAG,	/* the new name of the tag view's tag */
	PROMPT_ENTITY_NAME,	/* the name of a new entity */
	PROMPT_ENTITY_TYPE	/* and its type */
};

/* A byte span of one source string of the open article, named by its
 * render kind and index (title and meta use index 0). */
struct mark {
	enum render_kind	kind;
	size_t			para;
	size_t			start;
	size_t			end;
	enum theme_slot		slot;
};

struct marks {
	struct mark	*v;
	size_t		 n;
	size_t		 cap;
};

struct ui;
struct store;
struct store_article;
struct store_filter;
struct entity_db;
struct entity_set;
struct entity;

/* A row of the sidebar: a type heading or an entity. */
struct side_row {
	int			 heading;
	int			 type;
	size_t			 count;
	const struct entity	*ent;	/* NULL for a heading */
};

struct pane {
	const char	*name;
	enum keys_context ctx;
	WINDOW		*win;
	struct layout_rect r;
	void		(*draw)(struct ui *, struct pane *);
	int		(*key)(struct ui *, enum keys_action);
	int		(*click)(struct ui *, int, int);	/* y, x in pane */
	int		(*wheel)(struct ui *, int);		/* +1 down */
};

/* A row of the tag view: a tag and the articles carrying it; the last
 * row is "untagged" (tag NULL). */
struct tag_row {
	char		*tag;		/* as the articles hold it; NULL: untagged */
	char		*name;		/* the tag cleaned for display */
	size_t		 count;
};

/* A wrapped excerpt in the highlights pane. */
struct hl_item {
	const char		*text;	/* the publisher's, or owned */
	char			*owned;
	int			 saved;	/* 0: the publisher's */
	int			 orphaned; /* saved, no longer found */
	char			 id[17]; /* saved: the store's id */
	char			*note;	/* saved: the reader's note, owned */
	size_t			 index;	/* into article->highlights */
	size_t			 para;	/* saved: where it is anchored */
	size_t			 start;
	size_t			 end;
	struct wrap_lines	 wl;	/* wrapped at the pane's width */
};

struct ui {
	const struct globals	*g;
	struct config		 cfg;
	struct theme		 theme;
	struct store		*store;		/* NULL: state in memory */
	struct store_article	*sa;		/* by entry id, made lazily */
	size_t			 nsa;
	struct library		*lib;
	struct indexer		*indexer;	/* refreshing lib, or NULL */
	int			 indexer_pending; /* start it after a frame */
	int			 reload_asked;	/* F5: say how it went */
	char			*libpath;	/* as shown */
	char			*liberr;	/* the library could not open */
	int			 quit;
	int			 status;	/* exit status */
	sigset_t		 sigmask;	/* as started: what commands get */

	struct layout		 lay;
	int			 cols, rows;
	int			 toggled[LAYOUT_NPANES];
	int			 zoom;		/* a pane, or -1 */
	int			 focus;		/* a pane */
	struct pane		 pane[LAYOUT_NPANES];
	WINDOW			*statuswin;
	int			 colours;	/* 0 mono, else colour count */

	/* The list: entries of the library shown, after the filter. */
	size_t			*view;
	size_t			 nview;
	struct listmodel	 list;
	enum library_sort	 sort;
	char			*filter;	/* text filter, or NULL */
	char			*entity_filter;	/* entity name, or NULL */
	struct store_filter	*tag_filter;
	char			*tag_expr;	/* the filter's text, or NULL */
	int			 tag_exact;	/* tag_expr is one tag as it is */
	int			 unread_only;	/* u: unread articles only */
	unsigned char		*read;		/* by entry id */
	size_t			 unread;	/* articles not read, when */
	int			 unread_valid;	/* this is set */
	unsigned char		*marked;	/* by entry id: for a batch tag */
	size_t			 nmarked;

	/* The tag view (T), a mode of the list pane. */
	int			 tagview;
	struct tag_row		*tags;
	size_t			 ntags;
	struct listmodel	 tagl;

	/* The open article. */
	long			 open;		/* library index, or -1 */
	struct render		*render;	/* at render_width */
	int			 render_width;
	size_t			 top;		/* first line shown */
	struct mark		 anchor;	/* where top starts, kept over
						   resizes */
	int			 visual;	/* a selection is open (v) */
	struct selection	 sel;		/* it, in body bytes */
	struct marks		 selmarks;	/* it, a mark a paragraph */
	int			 have_anchor;
	struct marks		 keeping;	/* PROMPT_KEEP: what h keeps */
	struct marks		 matches;	/* search matches */
	struct marks		 mentions;	/* the chosen entity's */
	struct marks		 saved;		/* the reader's highlights */
	struct marks		*jump;		/* what n/N walk */
	size_t			 jump_cur;
	char			*query;

	/* The highlights pane. */
	struct hl_item		*hl;
	size_t			 nhl;
	int			 hl_width;
	size_t			 hl_sel;
	size_t			 hl_top;

	/* The sidebar: the open article's entities, and each library
	 * entry's (by entry id, extracted when first asked for). */
	struct entity_db	*edb;
	struct entity_set	*ents;		/* the open article's */
	struct entity_set	**entry_ents;
	struct side_row		*srows;
	size_t			 nsrows;
	struct listmodel	 side;
	struct marks		 entmarks;	/* every mention, by type */
	char			*ent_new;	/* the entity being added */
	char			 ent_tab[16];	/* what Tab completes */
	char			**ent_mark;	/* marked for a merge: its
						   name, then its aliases */
	size_t			 nent_mark;
	int			 ent_mark_type;
	int			 entities_stale; /* index again when the
						    indexer is done */

	/* The prompt on the status line (search or filter). */
	enum prompt		 prompting;
	struct buf		 prompt;
	char			*message;
	int			 message_error;

	int			 help;		/* the overlay is up */
	size_t			 help_top;
	WINDOW			*helpwin;
};

/* ui.c */
void	ui_compute_layout(struct ui *);
int	ui_start_indexer(struct ui *);

/* indexer.c: refreshes a folder's library in a thread.  lib is only read
 * (its index), and must stay as it is until indexer_finish. */
struct indexer;
struct indexer	*indexer_start(const struct library *lib,
		    const char *data_dir);
int		 indexer_fd(const struct indexer *);
int		 indexer_poll(struct indexer *);
void		 indexer_progress(struct indexer *, size_t *done,
		    size_t *total);
/* Stops the thread if it still runs (what it parsed is kept in the
 * cache) and returns the fresh library with *changed 1; NULL with
 * *changed 0 when nothing changed; NULL with *cause set on failure. */
struct library	*indexer_finish(struct indexer *, int *changed,
		    char **cause);

/* adopt.c */
void	ui_adopt_library(struct ui *, struct library *);

/* actions.c */
int	ui_dispatch(struct ui *, enum keys_action);
int	ui_open_selected(struct ui *);
int	ui_close_article(struct ui *);
void	ui_message(struct ui *, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* openurl.c: runs $BROWSER on the article's URL (browser.h). */
int	ui_open_url(struct ui *);

/* draw.c: every string goes through draw_text, which cuts it at the
 * pane's edge so a wide character that does not fit becomes a space. */
void	draw_init_colours(struct ui *);
attr_t	draw_attr(enum theme_slot, short *pair);
int	draw_text(WINDOW *, int y, int x, int maxw, const char *s, size_t len,
	    enum theme_slot);
void	draw_fill(WINDOW *, int y, int x, int w, enum theme_slot);
void	draw_header(struct ui *, struct pane *, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
int	draw_width(const char *s, size_t len);

/* bind.c: keys.h actions from what curses reads. */
uint32_t	bind_key(int is_fn, wint_t ch);
enum keys_context bind_context(struct ui *);
enum keys_action bind_lookup(struct ui *, enum keys_context, uint32_t key);
void		bind_defaults(struct ui *);
/* 1 if the reader does something for the action. */
int		bind_supported(enum keys_action);
/* Fills *out (allocated, the caller frees each and the array) with one
 * line per action bound in ctx or globally: "KEYS  action  help". */
size_t		bind_help_lines(struct ui *, enum keys_context, char ***out);
/* The name of a key bound to a in ctx (global ones included) into buf
 * (KEYS_NAMELEN bytes), or NULL when none is. */
const char	*bind_key_name(struct ui *, enum keys_context,
		    enum keys_action a, char *buf);

/* list.c */
void	list_init(struct ui *, struct pane *);
int	ui_refilter(struct ui *);
void	ui_sort(struct ui *);
const struct library_entry *list_selected(struct ui *);

/* tagview.c: the list pane's tag view. */
int	tagview_open(struct ui *);
int	tagview_close(struct ui *);
void	tagview_count(struct ui *, const char *select);
void	tagview_free(struct ui *);

/* reading.c */
void	reading_init(struct ui *, struct pane *);
void	reading_relayout(struct ui *);
void	reading_reset(struct ui *);
int	reading_goto(struct ui *, enum render_kind, size_t para, size_t off);
size_t	reading_line_para(const struct render_line *);
size_t	reading_find_line(const struct render *, enum render_kind, size_t,
	    size_t);
void	reading_need_render(struct ui *);

/* find.c */
int	reading_search(struct ui *, const char *query);
int	reading_jump(struct ui *, int dir);
void	marks_add(struct marks *, enum render_kind, size_t, size_t, size_t,
	    enum theme_slot);
void	marks_free(struct marks *);
void	marks_sort(struct marks *);

/* highlights.c */
void	highlights_init(struct ui *, struct pane *);
void	highlights_reset(struct ui *);

/* sidebar.c */
void	sidebar_init(struct ui *, struct pane *);
void	sidebar_reset(struct ui *);
void	sidebar_free(struct ui *);
int	sidebar_find(struct ui *, const char *);
int	sidebar_entry_names(struct ui *, const struct library_entry *,
	    const char *name);
/* The entity database changed: loads it again, extracts the open
 * article's entities anew (each other article's when next asked) and
 * selects the entity named select, else the row that was selected. */
void	sidebar_reload(struct ui *, const char *select);

/* entedit.c: the entity keys, through entfile.h. */
int	entedit_add(struct ui *);
int	entedit_name(struct ui *, const char *name);
int	entedit_type(struct ui *, const char *type);
void	entedit_complete(struct ui *);
int	entedit_ignore(struct ui *, const struct entity *);
int	entedit_mark(struct ui *, const struct entity *);
int	entedit_merge(struct ui *, const struct entity *);
int	entedit_is_marked(const struct ui *, const struct entity *);
int	entedit_unmark(struct ui *);
void	entedit_free(struct ui *);

/* state.c */
void	state_open(struct ui *);
void	state_close(struct ui *);
int	state_is_read(struct ui *, const struct library_entry *);
int	state_has_tags(struct ui *, const struct library_entry *);
int	state_tags_match(struct ui *, const struct library_entry *,
	    const struct store_filter *);
size_t	state_entry_tags(struct ui *, const struct library_entry *,
	    const char ***);
int	state_rename_tag(struct ui *, const char *from, const char *to);
void	state_mark_read(struct ui *, const struct library_entry *);
int	state_tag(struct ui *, const char *words);
void	state_highlights(struct ui *);
int	state_keep(struct ui *, size_t para, size_t start, size_t end,
	    const char *note);
int	state_ask_keep(struct ui *, const struct mark *, size_t);
int	state_keep_asked(struct ui *, const char *note);
int	state_delete_highlight(struct ui *, const char *id);
int	state_note(struct ui *, const char *note);
int	ui_toggle_read(struct ui *);
int	ui_quick_tag(struct ui *, int);
int	ui_reload(struct ui *);

/* status.c */
void	status_draw(struct ui *);
int	status_prompt_key(struct ui *, int is_fn, wint_t ch);
/* Takes expr (allocated; "" clears) as the list's tag filter. */
int	ui_set_tag_filter(struct ui *, char *expr);
/* Takes tag (allocated) as the filter: that one tag, whatever it holds. */
int	ui_set_tag_exact(struct ui *, char *tag);
void	help_draw(struct ui *);
int	help_key(struct ui *, enum keys_action);

#endif
