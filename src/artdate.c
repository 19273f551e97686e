/* artdate: dates in article text.  A line is cut into tokens (numbers,
 * ASCII words, CJK date marks, separators) and matched against the few
 * shapes news sites print: "May 27, 2025", "27 May 2025", "2025-05-27",
 * "2025/05/27", "2025年5月27日", "2025년 5월 27일", each with an optional
 * time ("12:00 AM", "T09:30").  Working on tokens rather than with sscanf
 * lets the same code say whether the rest of a line is only filler
 * ("Published", a weekday, a time zone), which is what makes a line a date
 * line rather than a sentence that mentions a date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/text.h"
#include "article_int.h"

#define NTOK	48

enum tok_kind {
	T_NUM,		/* a run of ASCII digits */
	T_WORD,		/* a run of ASCII letters, lowercased */
	T_MARK,		/* 年月日 / 년월일 after a number */
	T_SEP,		/* ASCII punctuation */
	T_CJK,		/* any other non-ASCII character */
};

struct tok {
	enum tok_kind	 kind;
	int		 value;		/* T_NUM (capped), T_MARK: 'Y' 'M' 'D' */
	int		 ndig;
	char		 word[12];	/* T_WORD, truncated */
	uint32_t	 cp;		/* T_SEP, T_CJK */
	int		 used;
};

static const char *months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/* Words that may stand beside a date on a date line. */
static const char *filler[] = {
	"published", "updated", "posted", "modified", "created", "first",
	"last", "date", "on", "at", "am", "pm", "a", "p", "m", "t", "z",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun", "st", "nd", "rd", "th", "gmt", "utc", "hkt", "jst",
	"kst", "cst", "sgt", "est", "edt", "pst", "pdt", "et", "pt", "bst",
	"cet", "ist", "ict", "pht", "local", "time", NULL
};
/* CJK characters that may stand beside a date: weekdays, AM/PM,
 * "published", "updated", brackets. */
static const char cjk_filler[] =
    "週周星期曜一二三四五六七日月火水木金土上下午前後発發布表更新時时"
    "間间（）【】、，公開开刊登요월화수목금토일오전후";
/* Words and characters of relative times and reading times. */
static const char *rel_words[] = {
	"ago", "min", "mins", "minute", "minutes", "hour", "hours", "hr",
	"hrs", "h", "m", "s", "sec", "secs", "second", "seconds", "day",
	"days", "week", "weeks", "month", "months", "read", "reading",
	"time", "updated", "published", "posted", "just", "now",
	"yesterday", "today", "am", "pm", "a", "an", "listen", "watch",
	"gmt", "utc", "hkt", "jst", "kst", "cst", "sgt", NULL
};
static const char cjk_rel[] =
    "前分鐘钟小時时秒天昨今日閱阅讀读更新発表시간전분초일읽기";

static int
in_list(const char *w, const char **list)
{
	for (; *list != NULL; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

static int
in_chars(uint32_t cp, const char *set)
{
	char	 e[5];
	size_t	 n;

	n = text_encode(cp, e);
	e[n] = '\0';
	return strstr(set, e) != NULL;
}

static size_t
tokenize(const char *s, size_t len, struct tok *t, size_t max)
{
	size_t		 i = 0, n = 0, k, j;
	uint32_t	 cp;

	while (i < len && n < max) {
		unsigned char c = (unsigned char)s[i];

		memset(&t[n], 0, sizeof t[n]);
		if (c >= '0' && c <= '9') {
			t[n].kind = T_NUM;
			for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
				if (t[n].value < 100000)
					t[n].value = t[n].value * 10 + s[i] - '0';
				t[n].ndig++;
			}
			n++;
		} else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			t[n].kind = T_WORD;
			for (j = 0; i < len && ((s[i] | 0x20) >= 'a' &&
			    (s[i] | 0x20) <= 'z'); i++)
				if (j < sizeof t[n].word - 1)
					t[n].word[j++] = (char)(s[i] | 0x20);
			n++;
		} else if (c == ' ' || c == '\t') {
			i++;
		} else if (c < 0x80) {
			t[n].kind = T_SEP;
			t[n].cp = c;
			i++;
			n++;
		} else {
			k = text_decode(s + i, len - i, &cp);
			i += k;
			if (article_cp_space(cp))
				continue;
			t[n].kind = T_CJK;
			t[n].cp = cp;
			if (n > 0 && t[n - 1].kind == T_NUM) {
				if (cp == 0x5E74 || cp == 0xB144)
					t[n].kind = T_MARK, t[n].value = 'Y';
				else if (cp == 0x6708 || cp == 0xC6D4)
					t[n].kind = T_MARK, t[n].value = 'M';
				else if (cp == 0x65E5 || cp == 0xC77C)
					t[n].kind = T_MARK, t[n].value = 'D';
			}
			n++;
		}
	}
	if (i < len)
		return max + 1;	/* too long to be a date line */
	return n;
}

static int
month_of(const struct tok *t)
{
	size_t	 len;
	int	 m;

	if (t->kind != T_WORD)
		return 0;
	len = strlen(t->word);
	for (m = 0; m < 12; m++) {
		if (strcmp(t->word, months[m]) == 0)
			return m + 1;
		if ((len == 3 || (len == 4 && m == 8)) &&
		    strncmp(t->word, months[m], len) == 0)
			return m + 1;
	}
	return 0;
}

static int
is_sep(const struct tok *t, size_t i, size_t n, const char *which)
{
	return i < n && t[i].kind == T_SEP && strchr(which, (int)t[i].cp);
}

static int
valid_ymd(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return 0;
	if (m == 2 && d == 29)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1];
}

/* Matches a date at token i; marks its tokens used and returns the index
 * after it, or 0. */
static size_t
match_date(struct tok *t, size_t n, size_t i, int *y, int *m, int *d)
{
	size_t	 j = i, k;

	if (t[j].kind == T_NUM && t[j].ndig == 4) {
		if (j + 4 < n && is_sep(t, j + 1, n, "-/.") &&
		    t[j + 2].kind == T_NUM && t[j + 2].ndig <= 2 &&
		    t[j + 3].kind == T_SEP && t[j + 3].cp == t[j + 1].cp &&
		    t[j + 4].kind == T_NUM && t[j + 4].ndig <= 2) {
			*y = t[j].value, *m = t[j + 2].value;
			*d = t[j + 4].value;
			j += 5;
		} else if (j + 5 < n && t[j + 1].kind == T_MARK &&
		    t[j + 1].value == 'Y' && t[j + 2].kind == T_NUM &&
		    t[j + 3].kind == T_MARK && t[j + 3].value == 'M' &&
		    t[j + 4].kind == T_NUM && t[j + 5].kind == T_MARK &&
		    t[j + 5].value == 'D') {
			*y = t[j].value, *m = t[j + 2].value;
			*d = t[j + 4].value;
			j += 6;
		} else
			return 0;
	} else if ((*m = month_of(&t[j])) != 0) {
		j++;
		if (is_sep(t, j, n, "."))
			j++;
		if (j >= n || t[j].kind != T_NUM || t[j].ndig > 2)
			return 0;
		*d = t[j++].value;
		if (j < n && t[j].kind == T_WORD && in_list(t[j].word,
		    (const char *[]){ "st", "nd", "rd", "th", NULL }))
			j++;
		if (is_sep(t, j, n, ","))
			j++;
		if (j >= n || t[j].kind != T_NUM || t[j].ndig != 4)
			return 0;
		*y = t[j++].value;
	} else if (t[j].kind == T_NUM && t[j].ndig <= 2) {
		*d = t[j++].value;
		if (j < n && t[j].kind == T_WORD && in_list(t[j].word,
		    (const char *[]){ "st", "nd", "rd", "th", NULL }))
			j++;
		if (j >= n || (*m = month_of(&t[j])) == 0)
			return 0;
		j++;
		if (is_sep(t, j, n, ".,"))
			j++;
		if (j >= n || t[j].kind != T_NUM || t[j].ndig != 4)
			return 0;
		*y = t[j++].value;
	} else
		return 0;
	if (!valid_ymd(*y, *m, *d))
		return 0;
	for (k = i; k < j; k++)
		t[k].used = 1;
	return j;
}

/* Matches "HH:MM[:SS] [am|pm|a.m.|p.m.]" at token i, skipping filler
 * first.  Returns 1 and marks the tokens used. */
static int
match_time(struct tok *t, size_t n, size_t i, int *hh, int *mm)
{
	size_t	 j, k;
	int	 pm = -1;

	for (; i < n; i++) {
		if (t[i].kind == T_NUM)
			break;
		if (t[i].kind == T_SEP || (t[i].kind == T_WORD &&
		    in_list(t[i].word, filler)) || (t[i].kind == T_CJK &&
		    in_chars(t[i].cp, cjk_filler)))
			continue;
		return 0;
	}
	if (i + 2 >= n || t[i].ndig > 2 || !is_sep(t, i + 1, n, ":") ||
	    t[i + 2].kind != T_NUM || t[i + 2].ndig != 2)
		return 0;
	*hh = t[i].value;
	*mm = t[i + 2].value;
	j = i + 3;
	if (is_sep(t, j, n, ":") && j + 1 < n && t[j + 1].kind == T_NUM)
		j += 2;
	if (j < n && t[j].kind == T_WORD) {
		if (strcmp(t[j].word, "am") == 0 || strcmp(t[j].word, "a") == 0)
			pm = 0;
		else if (strcmp(t[j].word, "pm") == 0 ||
		    strcmp(t[j].word, "p") == 0)
			pm = 1;
	}
	if (pm != -1) {
		if (*hh < 1 || *hh > 12)
			return 0;
		*hh = *hh % 12 + (pm ? 12 : 0);
	}
	if (*hh > 23 || *mm > 59)
		return 0;
	for (k = i; k < j; k++)
		t[k].used = 1;
	return 1;
}

static void
format_iso(char iso[17], int y, int m, int d, int hh, int mm, int have)
{
	/* The values are validated; the modulo tells the compiler so. */
	if (have)
		snprintf(iso, 17, "%04u-%02u-%02u %02u:%02u", (unsigned)y % 10000,
		    (unsigned)m % 100, (unsigned)d % 100, (unsigned)hh % 100,
		    (unsigned)mm % 100);
	else
		snprintf(iso, 17, "%04u-%02u-%02u", (unsigned)y % 10000,
		    (unsigned)m % 100, (unsigned)d % 100);
}

/* Finds the first date in the tokens (and the time after it). */
static int
find_date(struct tok *t, size_t n, char iso[17])
{
	size_t	 i, j, k;
	int	 y, m, d, hh, mm;

	for (i = 0; i < n; i++) {
		if ((j = match_date(t, n, i, &y, &m, &d)) == 0)
			continue;
		format_iso(iso, y, m, d, 0, 0, 0);
		if (match_time(t, n, j, &hh, &mm))
			format_iso(iso, y, m, d, hh, mm, 1);
		else {
			/* "9:00pm, 27 May 2025": the time may come first. */
			for (k = 0; k < i; k++)
				if (t[k].kind == T_NUM &&
				    match_time(t, i, k, &hh, &mm)) {
					format_iso(iso, y, m, d, hh, mm, 1);
					break;
				}
		}
		return 1;
	}
	return 0;
}

int
article_parse_date(const char *s, char iso[17])
{
	struct tok	 t[NTOK];
	size_t		 n;

	n = tokenize(s, strlen(s), t, NTOK);
	if (n > NTOK)
		n = NTOK;
	if (!find_date(t, n, iso)) {
		iso[0] = '\0';
		return -1;
	}
	return 0;
}

int
article_date_line(const char *s, size_t len, char iso[17])
{
	struct tok	 t[NTOK];
	char		 got[17];
	size_t		 n, i;

	if ((n = tokenize(s, len, t, NTOK)) > NTOK || !find_date(t, n, got))
		return 0;
	for (i = 0; i < n; i++) {
		if (t[i].used || t[i].kind == T_SEP)
			continue;
		if (t[i].kind == T_WORD && in_list(t[i].word, filler))
			continue;
		if (t[i].kind == T_CJK && in_chars(t[i].cp, cjk_filler))
			continue;
		/* A zone offset ("GMT+8", "+08:00") or a second date or
		 * time ("（3/4 09:30 更新）"). */
		if (t[i].kind == T_NUM && ((i > 0 && is_sep(t, i - 1, n,
		    "+-:/.")) || is_sep(t, i + 1, n, "+-:/.")))
			continue;
		return 0;
	}
	memcpy(iso, got, 17);
	return 1;
}

int
article_time_line(const char *s, size_t len)
{
	struct tok	 t[NTOK];
	size_t		 n, i;
	int		 sure = 0, hh, mm;

	if ((n = tokenize(s, len, t, NTOK)) > 8 || n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		switch (t[i].kind) {
		case T_NUM:
			if (match_time(t, n, i, &hh, &mm))
				sure = 1;
			else if (i + 1 < n && (t[i + 1].kind == T_WORD ||
			    t[i + 1].kind == T_CJK))
				sure = 1;
			break;
		case T_SEP:
			break;
		case T_WORD:
			if (!in_list(t[i].word, rel_words))
				return 0;
			if (strcmp(t[i].word, "ago") == 0 ||
			    strcmp(t[i].word, "now") == 0 ||
			    strcmp(t[i].word, "yesterday") == 0 ||
			    strcmp(t[i].word, "today") == 0)
				sure = 1;
			break;
		case T_CJK:
		case T_MARK:
			if (!in_chars(t[i].cp, cjk_rel))
				return 0;
			break;
		}
	}
	return sure;
}
