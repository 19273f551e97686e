/* rawline: what one line of text saved from a web page looks like.  The
 * tests are about form first (length in words, sentence punctuation,
 * bullets, tag syntax, separators) and about vocabulary only where form
 * cannot tell (a call to action and a short headline are both short
 * unpunctuated lines).  The vocabularies are kinds of words (imperative
 * verbs, app stores and social networks, "comment", "related"), in
 * English, Chinese, Japanese and Korean, never one site's strings; and
 * every vocabulary test also requires a short line, so a paragraph that
 * mentions an app or a comment is never taken for chrome. */
#include <stdlib.h>
#include <string.h>

#include "inkstone/text.h"
#include "inkstone/util.h"
#include "article_int.h"

static const char *cta_verbs[] = {
	"download", "get", "install", "subscribe", "sign", "log", "follow",
	"share", "join", "click", "tap", "listen", "watch", "register",
	"read", "continue", "scroll", "like", "comment", "tweet", "email",
	"print", "save", "copy", "open", "try", "stay", "enable", "turn",
	"see", "view", "explore", "discover", "swipe", "unlock", "upgrade",
	"support", "become", "don't", "never", "want", "back", NULL
};
static const char *channels[] = {
	"app", "apps", "newsletter", "newsletters", "notifications",
	"alerts", "updates", "us", "our", "whatsapp", "telegram", "facebook",
	"twitter", "x", "linkedin", "instagram", "youtube", "line", "wechat",
	"weibo", "tiktok", "store", "link", "here", "free", "now", "podcast",
	"premium", "account", "inbox", "top", "full", "story", "stories",
	"article", "articles", "video", "live", "reading", "down", "more",
	NULL
};
/* Words of a call to action wherever they stand (CJK has no first word
 * to test), and nouns that are one only beside a word to the reader. */
static const char *verb_gates[] = {
	"下載", "下载", "ダウンロード", "다운로드", "訂閱", "订阅", "購読",
	"구독", "關注我們", "关注我们", "追蹤我們", "フォロー", "팔로우",
	"会員登録", "點擊", "点击", "點此", "按此", "立即", "今すぐ", NULL
};
static const char *noun_gates[] = {
	"subscriber", "subscribers", "subscription", "subscriptions",
	"app store", "google play", "newsletter", "newsletters", "paywall",
	"app", "アプリ", "앱", NULL
};
static const char *to_reader[] = {
	"you", "your", "our", "us", "this article", "this story", "free",
	"exclusive", "premium", "here", "now", "today", "latest", "listen",
	"最新", "無料", "免費", "免费", "지금", "무료", "こちら", NULL
};
static const char *comment_words[] = {
	"comment", "comments", "留言", "評論", "评论", "コメント", "댓글",
	NULL
};
static const char *share_words[] = {
	"share", "facebook", "twitter", "x", "linkedin", "email", "e-mail",
	"mail", "whatsapp", "telegram", "line", "wechat", "weibo", "reddit",
	"print", "copy", "link", "url", "save", "bookmark", "gift",
	"pinterest", "threads", "bluesky", "messenger", "sms", NULL
};
static const char *share_filler[] = {
	"this", "article", "story", "page", "on", "via", "and", "or", "the",
	"to", "more", NULL
};
static const char *ad_words[] = {
	"advertisement", "advertising", "ad", "ads", "sponsored", "promoted",
	"promotion", "scroll", NULL
};
static const char *ad_filler[] = {
	"content", "story", "continues", "continue", "reading", "below",
	"after", "to", "from", "our", "partner", "partners", "the", "this",
	"article", "paid", "post", "by", NULL
};
static const char *cjk_ads[] = {
	"廣告", "广告", "広告", "광고", "贊助", "赞助", "スポンサー", NULL
};
static const char *labels[] = {
	"tags", "tag", "topics", "topic", "keywords", "filed under",
	"categories", "category", "標籤", "标签", "關鍵字", "关键词", "タグ",
	"キーワード", "태그", "키워드", NULL
};
static const char *you_words[] = {
	"you", "your", "you've", "you're", "you'll", "yours", NULL
};
static const char *related_words[] = {
	"related", "more from", "more on", "more in", "recommended",
	"also like", "read more", "read next", "more stories", "also read",
	"read also", "see also", "most read", "most popular", "popular",
	"trending", "latest", "up next", "相關", "相关", "延伸閱讀",
	"延伸阅读", "関連", "관련", "推薦", "推荐", "おすすめ", "熱門", "热门",
	"人気", NULL
};
static const char *hl_words[] = {
	"highlights", "highlight", "key points", "key takeaways",
	"takeaways", "at a glance", "in brief", "in short", "summary",
	"tl;dr", "tldr", "what to know", "重點", "重点", "要點", "要点", "摘要",
	"懶人包", "ポイント", "要約", "핵심", "요약", NULL
};
/* What a byline without "By" names its writer: "NAME, staff writer",
 * "記者王小明", "홍길동 기자". */
static const char *roles[] = {
	"staff writer", "correspondent", "reporter", "editor", "contributor",
	"columnist", NULL
};
static const char *cjk_roles[] = {
	"記者", "记者", "기자", "特派員", "特派员", NULL
};
static const char *source_labels[] = {
	"source", "sources", "via", "courtesy of", "來源", "来源", "出典",
	"出處", "出处", "출처", NULL
};

/* A copy of s with ASCII lowercased and curly apostrophes made straight,
 * so that vocabulary tests are simple strstr()s. */
static char *
lower(const char *s, size_t len)
{
	struct buf	 b = { 0 };
	size_t		 i;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] == 0xE2 && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x98 ||
		    (unsigned char)s[i + 2] == 0x99)) {
			buf_addc(&b, '\'');
			i += 2;
		} else if (s[i] >= 'A' && s[i] <= 'Z')
			buf_addc(&b, (char)(s[i] | 0x20));
		else
			buf_addc(&b, s[i]);
	}
	return buf_take(&b, NULL);
}

static int
alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
}

/* Whether lc holds phrase as whole words. */
static int
has(const char *lc, const char *phrase)
{
	const char	*p = lc;
	size_t		 n = strlen(phrase);

	while ((p = strstr(p, phrase)) != NULL) {
		if ((p == lc || !alnum(p[-1]) || !alnum(phrase[0])) &&
		    (!alnum(p[n]) || !alnum(phrase[n - 1])))
			return 1;
		p++;
	}
	return 0;
}

static int
has_any(const char *lc, const char **list)
{
	for (; *list != NULL; list++)
		if (has(lc, *list))
			return 1;
	return 0;
}

static int
in_list(const char *w, size_t n, const char **list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && memcmp(w, *list, n) == 0)
			return 1;
	return 0;
}

/* Calls fn on each ASCII word of lc (letters, digits, ' and -); stops
 * and returns 0 when fn does. */
static int
each_word(const char *lc, int (*fn)(const char *, size_t, void *), void *arg)
{
	const char	*p = lc, *w;

	while (*p != '\0') {
		if (!alnum(*p) || *p == '\'') {
			p++;
			continue;
		}
		for (w = p; alnum(*p) || *p == '-'; p++)
			;
		if (!fn(w, (size_t)(p - w), arg))
			return 0;
	}
	return 1;
}

static int
first_word(const char *w, size_t n, void *arg)
{
	*(int *)arg = in_list(w, n, cta_verbs);
	return 0;
}

static int
closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' ||
	    cp == 0x2019 || cp == 0x201D || cp == 0x300B || cp == 0x300D ||
	    cp == 0x300F || cp == 0x3011 || cp == 0xFF09;
}

void
article_feat(const char *s, size_t len, struct article_feat *f)
{
	size_t		 i = 0, k, words = 0, cjk = 0, last = 0;
	uint32_t	 cp, end = 0;
	int		 inword = 0, lowers = 0, letters = 0;

	memset(f, 0, sizeof *f);
	/* Every rule asks about short lines, so counting stops early: a
	 * 50 MB line costs no more than a long sentence. */
	while (i < len && words + (cjk + 1) / 2 <= ARTICLE_UNITS_MAX) {
		k = text_decode(s + i, len - i, &cp);
		if (article_cp_space(cp))
			inword = 0;
		else if (article_cp_cjk(cp)) {
			cjk++;
			inword = 0;
		} else if ((cp < 0x80 && ((cp | 0x20) >= 'a' &&
		    (cp | 0x20) <= 'z')) || (cp >= '0' && cp <= '9') ||
		    (cp >= 0xC0 && (cp < 0x2000 || cp > 0x2BFF))) {
			if (!inword)
				words++;
			inword = 1;
			if (cp < 0x80 && (cp | 0x20) >= 'a' &&
			    (cp | 0x20) <= 'z') {
				letters++;
				if (cp >= 'a')
					lowers++;
			}
		}
		i += k;
	}
	/* The last character that is not a closing quote or bracket decides
	 * the sentence end. */
	for (i = len; i > 0; i = last) {
		last = i - 1;
		while (last > 0 && ((unsigned char)s[last] & 0xC0) == 0x80)
			last--;
		text_decode(s + last, i - last, &cp);
		if (!article_cp_space(cp) && !closer(cp)) {
			end = cp;
			break;
		}
	}
	f->units = words + (cjk + 1) / 2;
	f->upper = letters > 0 && lowers == 0;
	/* An ellipsis ends a teaser or a prompt, not a sentence. */
	f->sentend = end == '!' || end == '?' || end == 0x3002 ||
	    end == 0xFF01 || end == 0xFF1F || end == 0xFF0E ||
	    (end == '.' && !(last >= 2 && s[last - 1] == '.' &&
	    s[last - 2] == '.'));
	f->para = f->units >= 15 && f->sentend;
	if (len >= 2 && strchr("-*+", s[0]) != NULL && s[1] == ' ')
		f->bullet = 1;
	else if (len > 0 && (unsigned char)s[0] >= 0x80) {
		k = text_decode(s, len, &cp);
		if (cp == 0x2022 || cp == 0x00B7 || cp == 0x25AA ||
		    cp == 0x2023 || cp == 0x25E6 || cp == 0x25CF ||
		    cp == 0x25A0 || cp == 0x2013 || cp == 0x2014 ||
		    cp == 0x30FB)
			f->bullet = k;
	}
	while (f->bullet > 0 && f->bullet < len && s[f->bullet] == ' ')
		f->bullet++;
}

int
article_is_hashtags(const char *s, size_t len)
{
	size_t	 i = 0, tags = 0;

	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == len)
			break;
		if (s[i] != '#' || i + 1 == len || s[i + 1] == ' ' ||
		    s[i + 1] == '#')
			return 0;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		tags++;
	}
	return tags > 0;
}

int
article_is_cta(const char *s, size_t len, const struct article_feat *f)
{
	char	*lc;
	int	 verb = 0, r;

	if (f->units > 16 || f->units == 0)
		return 0;
	lc = lower(s, len);
	each_word(lc, first_word, &verb);
	/* A verb first is not enough: "Follow the money" is a subheading,
	 * "Follow us on X" and a bare "Listen" are buttons. */
	r = verb && (f->units <= 2 || has_any(lc, channels));
	if (!f->sentend)
		r = r || has_any(lc, verb_gates) ||
		    (has_any(lc, noun_gates) && has_any(lc, to_reader));
	free(lc);
	return r;
}

int
article_is_comments(const char *s, size_t len, const struct article_feat *f)
{
	char	*lc;
	int	 r;

	if (f->units > 6 || f->sentend)
		return 0;
	lc = lower(s, len);
	r = has_any(lc, comment_words);
	free(lc);
	return r;
}

struct vocab {
	const char	**words;
	const char	**filler;
	int		  hit;
};

static int
vocab_word(const char *w, size_t n, void *arg)
{
	struct vocab	*v = arg;

	if (in_list(w, n, v->words)) {
		v->hit = 1;
		return 1;
	}
	if (in_list(w, n, v->filler))
		return 1;
	v->hit = -1;
	return 0;
}

/* Whether every ASCII word of the line is in words or filler, at least one
 * in words, and no other script is present. */
static int
only_vocab(const char *s, size_t len, const char **words, const char **fill)
{
	struct vocab	 v = { words, fill, 0 };
	char		*lc;
	size_t		 i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] != 0xE2)
			return 0;
	lc = lower(s, len);
	each_word(lc, vocab_word, &v);
	free(lc);
	return v.hit == 1;
}

int
article_is_share(const char *s, size_t len, const struct article_feat *f)
{
	char	*lc;
	int	 r;

	if (f->units > 8 || f->sentend)
		return 0;
	if (only_vocab(s, len, share_words, share_filler))
		return 1;
	if (f->units > 3)
		return 0;
	lc = lower(s, len);
	r = has(lc, "分享") || has(lc, "シェア") || has(lc, "공유");
	free(lc);
	return r;
}

int
article_is_ad(const char *s, size_t len, const struct article_feat *f)
{
	size_t	 i;
	int	 r = 0;

	if (f->units > 6 || f->sentend)
		return 0;
	if (only_vocab(s, len, ad_words, ad_filler))
		return 1;
	if (f->units > 3)
		return 0;
	for (i = 0; cjk_ads[i] != NULL; i++)
		if (memmem(s, len, cjk_ads[i], strlen(cjk_ads[i])) != NULL)
			r = 1;
	return r;
}

/* The text before the first ':' or '：', as a lowercased copy, or NULL. */
static char *
label_of(const char *s, size_t len, size_t *after)
{
	const char	*c, *w;

	c = memchr(s, ':', len);
	w = memmem(s, len, "\xEF\xBC\x9A", 3);
	if (w != NULL && (c == NULL || w < c))
		*after = (size_t)(w - s) + 3;
	else if (c != NULL)
		*after = (size_t)(c - s) + 1, w = c;
	else
		return NULL;
	while (*after < len && s[*after] == ' ')
		(*after)++;
	return lower(s, (size_t)(w - s));
}

static int
is_exactly(const char *lc, const char **list)
{
	size_t	 n = strlen(lc);

	while (n > 0 && lc[n - 1] == ' ')
		n--;
	return in_list(lc, n, list);
}

int
article_is_label(const char *s, size_t len, const struct article_feat *f)
{
	char	*lc;
	size_t	 after;
	int	 r;

	if (f->units > 16 || f->sentend || (lc = label_of(s, len, &after)) ==
	    NULL)
		return 0;
	r = is_exactly(lc, labels);
	free(lc);
	return r;
}

int
article_is_you(const char *s, size_t len, const struct article_feat *f)
{
	char	*lc;
	int	 r;

	if (f->units > 10 || f->sentend)
		return 0;
	lc = lower(s, len);
	r = has_any(lc, you_words);
	free(lc);
	return r;
}

/* The length of the trail separator at s[i..len), 0 if none; *strong
 * tells an arrow from a bar, a slash or a dot. */
static size_t
crumb_sep(const char *s, size_t i, size_t len, int *strong)
{
	*strong = 0;
	if (s[i] == ' ' && i + 2 < len && s[i + 2] == ' ') {
		*strong = s[i + 1] == '>';
		return strchr(">|/", s[i + 1]) != NULL ? 3 : 0;
	}
	if (i + 2 < len && memcmp(s + i, "\xE2\x80\xBA", 3) == 0)
		return *strong = 1, 3;	/* › */
	if (i + 1 < len && memcmp(s + i, "\xC2\xBB", 2) == 0)
		return *strong = 1, 2;	/* » */
	if (i + 1 < len && memcmp(s + i, "\xC2\xB7", 2) == 0)
		return 2;		/* · */
	return 0;
}

int
article_is_breadcrumb(const char *s, size_t len)
{
	struct article_feat	 f;
	size_t			 i, start = 0, nstrong = 0, nweak = 0, k = 0;
	int			 strong = 0;

	if (len > 256)
		return 0;	/* a trail of a few short names */
	for (i = 0; i <= len; i++) {
		if (i < len && (k = crumb_sep(s, i, len, &strong)) == 0)
			continue;
		article_feat(s + start, i - start, &f);
		if (f.units > 3 || f.sentend)
			return 0;
		if (i == len)
			break;
		if (strong)
			nstrong++;
		else
			nweak++;
		start = i + k;
		i += k - 1;
	}
	return nstrong >= 1 || nweak >= 2;
}

int
article_is_related(const char *s, size_t len, const struct article_feat *f)
{
	char	*lc;
	int	 r;

	if (f->units > 6 || f->sentend)
		return 0;
	lc = lower(s, len);
	r = has_any(lc, related_words);
	free(lc);
	return r;
}

size_t
article_is_related_inline(const char *s, size_t len)
{
	struct article_feat	 f;
	char			*lc;
	size_t			 after;
	int			 r;

	if (len > 1024 || (lc = label_of(s, len, &after)) == NULL)
		return 0;	/* a teaser is one short line */
	article_feat(lc, strlen(lc), &f);
	r = f.units <= 3 && has_any(lc, related_words) && after < len;
	free(lc);
	return r ? after : 0;
}

int
article_is_hl_header(const char *s, size_t len, const struct article_feat *f)
{
	char	*lc;
	int	 r;

	if (f->units > 4 || f->sentend)
		return 0;
	lc = lower(s, len);
	r = has_any(lc, hl_words);
	free(lc);
	return r;
}

static char *
trimmed(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return len > 0 ? xstrndup(s, len) : NULL;
}

static int
author_role(const char *s, size_t len, char **author)
{
	const char	*c;
	char		*lc;
	size_t		 i, n;
	int		 r = 0;

	if ((c = memchr(s, ',', len)) != NULL) {
		lc = lower(c, len - (size_t)(c - s));
		r = has_any(lc, roles);
		free(lc);
		len = (size_t)(c - s);
	} else {
		for (i = 0; cjk_roles[i] != NULL; i++) {
			n = strlen(cjk_roles[i]);
			if (len > n && (memcmp(s, cjk_roles[i], n) == 0 ||
			    memcmp(s + len - n, cjk_roles[i], n) == 0))
				r = 1;
		}
	}
	if (!r)
		return 0;
	*author = trimmed(s, len);
	return *author != NULL;
}

int
article_source(const char *s, size_t len, const struct article_feat *f,
    int byline, char **author, char **source)
{
	static const char	*seps[] = { " / ", " | ", ", ", " - ",
				    " \xE2\x80\x94 ", " \xE2\x80\x93 ",
				    " \xC2\xB7 ", "\xEF\xBC\x8F", NULL };
	const char		*p, *best = NULL;
	char			*lc;
	size_t			 after, k, blen = 0;

	*author = *source = NULL;
	if (f->units > 14 || f->sentend)
		return 0;
	if ((lc = label_of(s, len, &after)) != NULL) {
		k = is_exactly(lc, source_labels);
		free(lc);
		if (k && after < len) {
			*source = trimmed(s + after, len - after);
			return *source != NULL;
		}
	}
	if (byline && f->units <= 10 && author_role(s, len, author))
		return 1;
	if (!byline || len < 4 || (strncmp(s, "By ", 3) != 0 &&
	    strncmp(s, "BY ", 3) != 0) || s[3] == ' ' ||
	    ((unsigned char)s[3] < 0x80 && (s[3] < 'A' || s[3] > 'Z')))
		return 0;
	s += 3, len -= 3;
	for (k = 0; seps[k] != NULL; k++) {
		p = memmem(s, len, seps[k], strlen(seps[k]));
		if (p != NULL && (best == NULL || p < best))
			best = p, blen = strlen(seps[k]);
	}
	if (best == NULL) {
		*author = trimmed(s, len);
		return 1;
	}
	*author = trimmed(s, (size_t)(best - s));
	*source = trimmed(best + blen, len - (size_t)(best - s) - blen);
	return 1;
}
