/* listmodel: selection and scrolling of a list pane. */
#include "inkstone/listmodel.h"

static size_t
max_top(const struct listmodel *m)
{
	size_t h = m->height > 0 ? (size_t)m->height : 1;

	return m->n > h ? m->n - h : 0;
}

/* Puts sel back in [0, n) and scrolls top so sel is visible. */
static void
fix(struct listmodel *m)
{
	size_t h = m->height > 0 ? (size_t)m->height : 1;

	if (m->n == 0) {
		m->sel = m->top = 0;
		return;
	}
	if (m->sel >= m->n)
		m->sel = m->n - 1;
	if (m->top > max_top(m))
		m->top = max_top(m);
	if (m->sel < m->top)
		m->top = m->sel;
	else if (m->sel >= m->top + h)
		m->top = m->sel - h + 1;
}

static int
changed(struct listmodel *m, size_t sel, size_t top)
{
	fix(m);
	return m->sel != sel || m->top != top;
}

int
listmodel_set_count(struct listmodel *m, size_t n)
{
	size_t	sel = m->sel, top = m->top;
	int	r = m->n != n;

	m->n = n;
	return changed(m, sel, top) || r;
}

int
listmodel_set_height(struct listmodel *m, int height)
{
	size_t	sel = m->sel, top = m->top;
	int	r = m->height != height;

	m->height = height > 0 ? height : 1;
	return changed(m, sel, top) || r;
}

int
listmodel_move(struct listmodel *m, long delta)
{
	size_t	sel = m->sel, top = m->top;

	if (delta < 0 && (size_t)-delta > m->sel)
		m->sel = 0;
	else if (delta < 0)
		m->sel -= (size_t)-delta;
	else if (m->n > 0 && (size_t)delta >= m->n - m->sel)
		m->sel = m->n - 1;
	else
		m->sel += (size_t)delta;
	return changed(m, sel, top);
}

int
listmodel_page(struct listmodel *m, int dir)
{
	size_t	sel = m->sel, top = m->top, h;

	h = m->height > 1 ? (size_t)m->height - 1 : 1;
	if (dir > 0) {
		m->top = m->top + h > max_top(m) ? max_top(m) : m->top + h;
		m->sel = m->sel + h;
	} else {
		m->top = m->top > h ? m->top - h : 0;
		m->sel = m->sel > h ? m->sel - h : 0;
	}
	return changed(m, sel, top);
}

int
listmodel_home(struct listmodel *m)
{
	return listmodel_select(m, 0);
}

int
listmodel_end(struct listmodel *m)
{
	return listmodel_select(m, m->n > 0 ? m->n - 1 : 0);
}

int
listmodel_select(struct listmodel *m, size_t i)
{
	size_t	sel = m->sel, top = m->top;

	m->sel = i;
	return changed(m, sel, top);
}

int
listmodel_scroll(struct listmodel *m, long delta)
{
	size_t	sel = m->sel, top = m->top, h;

	h = m->height > 0 ? (size_t)m->height : 1;
	if (delta < 0)
		m->top = (size_t)-delta > m->top ? 0 : m->top - (size_t)-delta;
	else
		m->top = m->top + (size_t)delta > max_top(m) ? max_top(m) :
		    m->top + (size_t)delta;
	if (m->sel < m->top)
		m->sel = m->top;
	else if (m->sel >= m->top + h)
		m->sel = m->top + h - 1;
	return changed(m, sel, top);
}

size_t
listmodel_row_at(const struct listmodel *m, int y)
{
	if (y < 0 || m->top + (size_t)y >= m->n)
		return (size_t)-1;
	return m->top + (size_t)y;
}
