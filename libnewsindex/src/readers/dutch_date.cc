// Dutch/Flemish, ISO 8601 and RFC 2822 date parsing; CET/CEST offsets.
#include "readers/dutch_date.h"

#include "util/ascii.h"
#include "util/calendar.h"

namespace newsindex::internal {
namespace {

struct Name {
  std::string_view name;
  int value;
};

// Dutch first (full names, then the abbreviations newspapers use: "mrt",
// "okt"), then English for RFC 2822 and English-language feeds.
constexpr Name kMonths[] = {
    {"januari", 1},   {"februari", 2},  {"maart", 3},    {"april", 4},     {"mei", 5},
    {"juni", 6},      {"juli", 7},      {"augustus", 8}, {"september", 9}, {"oktober", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},      {"feb", 2},       {"febr", 2},
    {"mrt", 3},       {"apr", 4},       {"jun", 6},      {"jul", 7},       {"aug", 8},
    {"sep", 9},       {"sept", 9},      {"okt", 10},     {"nov", 11},      {"dec", 12},
    {"january", 1},   {"february", 2},  {"march", 3},    {"mar", 3},       {"may", 5},
    {"june", 6},      {"july", 7},      {"august", 8},   {"october", 10},  {"oct", 10},
};

constexpr std::string_view kWeekdays[] = {
    "maandag", "dinsdag", "woensdag",  "donderdag", "vrijdag", "zaterdag", "zondag",
    "ma",      "di",      "wo",        "do",        "vr",      "za",       "zo",
    "maa",     "din",     "woe",       "don",       "vrij",    "zat",      "zon",
    "monday",  "tuesday", "wednesday", "thursday",  "friday",  "saturday", "sunday",
    "mon",     "tue",     "wed",       "thu",       "fri",     "sat",      "sun",
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool equals_lower(std::string_view word, std::string_view lower_name) {
  if (word.size() != lower_name.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower_ascii(word[i]) != lower_name[i]) return false;
  return true;
}

int month_from_name(std::string_view word) {
  if (word.empty()) return 0;
  for (const Name& m : kMonths)
    if (equals_lower(word, m.name)) return m.value;
  return 0;
}

bool is_weekday(std::string_view word) {
  if (word.empty()) return false;
  for (std::string_view d : kWeekdays)
    if (equals_lower(word, d)) return true;
  return false;
}

// A forward-only scanner over the text being parsed.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ >= s_.size(); }
  char peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }
  std::size_t pos() const { return i_; }
  void reset(std::size_t p) { i_ = p; }
  void skip_spaces() {
    while (!done() && is_ascii_space(s_[i_])) ++i_;
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  // Reads min..max digits; fails (and consumes nothing) otherwise.
  bool number(int min_digits, int max_digits, int& out) {
    std::size_t j = i_;
    int v = 0;
    while (j < s_.size() && is_digit(s_[j]) && int(j - i_) < max_digits) {
      v = v * 10 + (s_[j] - '0');
      ++j;
    }
    const int n = int(j - i_);
    if (n < min_digits) return false;
    if (j < s_.size() && is_digit(s_[j])) return false;  // too many digits
    i_ = j;
    out = v;
    return true;
  }
  std::string_view word() {
    const std::size_t start = i_;
    while (!done() && is_alpha(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }
  // Consumes `w` (lower-case) when it is the next whole word.
  bool eat_word(std::string_view w) {
    const std::size_t start = i_;
    if (equals_lower(word(), w)) return true;
    i_ = start;
    return false;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

bool valid_time(const TimeOfDay& t) {
  return t.hour >= 0 && t.hour <= 24 && t.minute >= 0 && t.minute < 60 && t.second >= 0 &&
         t.second <= 60 && !(t.hour == 24 && (t.minute != 0 || t.second != 0));
}

// A time in any of the Dutch, Flemish and ISO spellings.
bool parse_time(Cursor& c, TimeOfDay& t) {
  const std::size_t start = c.pos();
  t = TimeOfDay{};
  if (!c.number(1, 2, t.hour)) return false;
  bool suffix_required = false;
  if (c.eat(':')) {
    if (!c.number(2, 2, t.minute)) return c.reset(start), false;
    if (c.eat(':')) {
      if (!c.number(2, 2, t.second)) return c.reset(start), false;
      if (c.eat('.') || c.eat(',')) {
        int frac = 0;
        if (!c.number(1, 9, frac)) return c.reset(start), false;
      }
    }
  } else if (c.eat('.')) {
    if (!c.number(2, 2, t.minute)) return c.reset(start), false;
  } else if (lower_ascii(c.peek()) == 'u' || lower_ascii(c.peek()) == 'h') {
    // 13u48, 13u, 13h48 — but not "13 uur" written without a space
    // followed by letters ("13uur" is accepted below).
    if (lower_ascii(c.peek()) == 'u' && lower_ascii(c.peek(1)) == 'u') {
      c.word();  // "13uur"
      if (!valid_time(t)) return c.reset(start), false;
      return true;
    }
    c.eat(c.peek());
    if (is_alpha(c.peek())) return c.reset(start), false;
    int m = 0;
    if (c.number(2, 2, m)) t.minute = m;
    if (!valid_time(t)) return c.reset(start), false;
    return true;
  } else {
    suffix_required = true;  // "13 uur"
  }
  if (!valid_time(t)) return c.reset(start), false;
  // Optional suffix: "13.48 uur", "13.48u", "13 uur".
  const std::size_t before_suffix = c.pos();
  c.skip_spaces();
  if (c.eat_word("uur") || c.eat_word("u") || c.eat_word("h")) return true;
  c.reset(before_suffix);
  if (suffix_required) return c.reset(start), false;
  return true;
}

// "Z", "+01:00", "+0100", "+01", "UTC", "GMT", "UT", "CET", "CEST".
bool parse_zone(Cursor& c, DateTimeParts& p) {
  const std::size_t start = c.pos();
  if (c.peek() == 'Z' || c.peek() == 'z') {
    c.eat(c.peek());
    if (is_alpha(c.peek())) return c.reset(start), false;
    p.has_offset = true;
    p.offset_minutes = 0;
    p.utc = true;
    return true;
  }
  if (c.peek() == '+' || c.peek() == '-') {
    const int sign = c.peek() == '-' ? -1 : 1;
    c.eat(c.peek());
    int h = 0, m = 0;
    if (c.number(4, 4, h)) {
      m = h % 100;
      h /= 100;
    } else if (c.number(2, 2, h)) {
      if (c.eat(':') && !c.number(2, 2, m)) return c.reset(start), false;
    } else {
      return c.reset(start), false;
    }
    if (h > 14 || m > 59) return c.reset(start), false;
    p.has_offset = true;
    p.offset_minutes = sign * (h * 60 + m);
    return true;
  }
  const std::string_view w = c.word();
  if (equals_lower(w, "utc") || equals_lower(w, "gmt") || equals_lower(w, "ut")) {
    p.has_offset = true;
    p.offset_minutes = 0;
    p.utc = true;
    // "GMT+1" style suffixes are rare in news; accept "UTC+01:00" anyway.
    DateTimeParts extra;
    if ((c.peek() == '+' || c.peek() == '-') && parse_zone(c, extra)) {
      p.offset_minutes = extra.offset_minutes;
      p.utc = extra.offset_minutes == 0;
    }
    return true;
  }
  if (equals_lower(w, "cet") || equals_lower(w, "met")) {
    p.has_offset = true;
    p.offset_minutes = 60;
    return true;
  }
  if (equals_lower(w, "cest") || equals_lower(w, "mest")) {
    p.has_offset = true;
    p.offset_minutes = 120;
    return true;
  }
  c.reset(start);
  return false;
}

// After a date: optional separator, time, zone; then the end of the text.
bool parse_time_tail(Cursor& c, DateTimeParts& p) {
  c.skip_spaces();
  if (c.done()) return true;
  if (c.eat(',') || c.eat('-') || c.eat('|') || c.eat('T') || c.eat('t')) {
    c.skip_spaces();
  } else {
    const std::size_t w = c.pos();
    if (!(c.eat_word("om") || c.eat_word("at"))) c.reset(w);
    c.skip_spaces();
  }
  if (!parse_time(c, p.time)) return false;
  p.has_time = true;
  c.skip_spaces();
  if (c.done()) return true;
  if (c.eat('(')) {  // "13:48 (CET)"
    if (!parse_zone(c, p) || !c.eat(')')) return false;
  } else if (!parse_zone(c, p)) {
    return false;
  }
  c.skip_spaces();
  return c.done();
}

// 2020-02-12[(T| )13:48[:00[.000]]][zone]
bool parse_iso(std::string_view s, DateTimeParts& p) {
  Cursor c(s);
  if (!c.number(4, 4, p.year) || !c.eat('-') || !c.number(2, 2, p.month) || !c.eat('-') ||
      !c.number(2, 2, p.day))
    return false;
  if (c.done()) return true;
  if (!(c.eat('T') || c.eat('t') || c.eat(' '))) return false;
  if (!c.number(2, 2, p.time.hour) || !c.eat(':') || !c.number(2, 2, p.time.minute)) return false;
  if (c.eat(':')) {
    if (!c.number(2, 2, p.time.second)) return false;
    if (c.eat('.') || c.eat(',')) {
      int frac = 0;
      if (!c.number(1, 9, frac)) return false;
    }
  }
  if (!valid_time(p.time)) return false;
  p.has_time = true;
  c.skip_spaces();
  if (c.done()) return true;
  if (!parse_zone(c, p)) return false;
  c.skip_spaces();
  return c.done();
}

// 20200212[T134800[zone]] as NewsML 1.2 writes DateId and FirstCreated.
bool parse_compact(std::string_view s, DateTimeParts& p) {
  Cursor c(s);
  int ymd = 0;
  if (!c.number(8, 8, ymd)) return false;
  p.year = ymd / 10000;
  p.month = ymd / 100 % 100;
  p.day = ymd % 100;
  if (c.done()) return true;
  if (!(c.eat('T') || c.eat('t'))) return false;
  int hms = 0;
  if (c.number(6, 6, hms)) {
    p.time = {hms / 10000, hms / 100 % 100, hms % 100};
  } else if (c.number(4, 4, hms)) {
    p.time = {hms / 100, hms % 100, 0};
  } else {
    return false;
  }
  if (!valid_time(p.time)) return false;
  p.has_time = true;
  if (c.done()) return true;
  if (!parse_zone(c, p)) return false;
  return c.done();
}

// [weekday[,.]] 12 februari 2020 | 12 feb. 2020 | 3/3/2020 [time [zone]]
bool parse_natural(std::string_view s, DateTimeParts& p) {
  Cursor c(s);
  const std::size_t start = c.pos();
  const std::string_view first = c.word();
  if (!first.empty()) {
    if (!is_weekday(first)) return false;
    c.eat('.');
    c.eat(',');
    c.skip_spaces();
  } else {
    c.reset(start);
  }
  if (!c.number(1, 2, p.day)) return false;
  if (c.eat('/') || c.eat('-') || c.eat('.')) {
    const char sep = s[c.pos() - 1];
    if (!c.number(1, 2, p.month) || !c.eat(sep) || !c.number(4, 4, p.year)) return false;
  } else {
    c.eat('.');  // "12. februari" (rare, German-style)
    c.skip_spaces();
    p.month = month_from_name(c.word());
    if (p.month == 0) return false;
    c.eat('.');
    c.skip_spaces();
    c.eat(',');
    c.skip_spaces();
    if (!c.number(4, 4, p.year)) return false;
  }
  return parse_time_tail(c, p);
}

// Days since the epoch of the last Sunday of `month` in `year`.
std::int64_t last_sunday(std::int64_t year, int month) {
  const std::int64_t last = days_from_civil(year, month, days_in_month(year, month));
  const std::int64_t weekday = ((last + 4) % 7 + 7) % 7;  // 0 = Sunday
  return last - weekday;
}

}  // namespace

bool is_valid_civil(int year, int month, int day) {
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::optional<DateTimeParts> parse_date_time(std::string_view text) {
  const std::string_view s = trim_ascii(text);
  if (s.empty() || s.size() > 128) return std::nullopt;
  DateTimeParts p;
  if (!parse_iso(s, (p = DateTimeParts{})) && !parse_compact(s, (p = DateTimeParts{})) &&
      !parse_natural(s, (p = DateTimeParts{})))
    return std::nullopt;
  if (!is_valid_civil(p.year, p.month, p.day)) return std::nullopt;
  if (p.time.second == 60) p.time.second = 59;  // leap second
  return p;
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
  const std::string_view s = trim_ascii(text);
  if (s.empty() || s.size() > 32) return std::nullopt;
  Cursor c(s);
  TimeOfDay t;
  if (!parse_time(c, t)) return std::nullopt;
  c.skip_spaces();
  if (!c.done()) return std::nullopt;
  return t;
}

bool looks_like_date(std::string_view text) {
  const std::string_view s = trim_ascii(text);
  if (s.empty() || s.size() > 40) return false;
  bool digit = false, pattern = false, month = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_digit(s[i])) {
      digit = true;
      if (i + 2 < s.size() && (s[i + 1] == '/' || s[i + 1] == '-' || s[i + 1] == '.') &&
          is_digit(s[i + 2]))
        pattern = true;
    } else if (is_alpha(s[i]) && (i == 0 || !is_alpha(s[i - 1]))) {
      std::size_t j = i;
      while (j < s.size() && is_alpha(s[j])) ++j;
      month |= month_from_name(s.substr(i, j - i)) != 0;
    }
  }
  return digit && (pattern || month);
}

bool looks_like_time(std::string_view text) {
  const std::string_view s = trim_ascii(text);
  if (s.empty() || s.size() > 12 || !is_digit(s[0])) return false;
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i > 2 || i == s.size()) return false;
  const char c = lower_ascii(s[i]);
  return c == 'u' || c == 'h' || c == ':' || c == '.';
}

std::optional<ZoneRule> zone_rule_from_name(std::string_view name) {
  static constexpr std::string_view kCentral[] = {"europe/brussels",   "europe/amsterdam",
                                                  "europe/luxembourg", "europe/paris",
                                                  "europe/berlin",     "cet"};
  static constexpr std::string_view kUtcNames[] = {"utc", "etc/utc", "gmt", "z"};
  for (std::string_view n : kCentral)
    if (equals_lower(name, n)) return ZoneRule::kCentralEurope;
  for (std::string_view n : kUtcNames)
    if (equals_lower(name, n)) return ZoneRule::kUtc;
  return std::nullopt;
}

int brussels_offset_at_utc(std::int64_t utc_seconds) {
  const std::int64_t y = civil_from_days(floor_div(utc_seconds, 86400)).year;
  if (y < 1981) return 60;
  const std::int64_t start = last_sunday(y, 3) * 86400 + 3600;
  const std::int64_t end = last_sunday(y, y >= 1996 ? 10 : 9) * 86400 + 3600;
  return utc_seconds >= start && utc_seconds < end ? 120 : 60;
}

int brussels_offset_for_local(std::int64_t local_seconds) {
  // Try summer time first: a local time in the autumn overlap then maps to
  // its first occurrence; one in the spring gap maps to winter time.
  return brussels_offset_at_utc(local_seconds - 7200) == 120 ? 120 : 60;
}

void apply_date_time(const DateTimeParts& p, ZoneRule rule, std::string_view zone_name,
                     Article& article) {
  std::int64_t local = days_from_civil(p.year, p.month, p.day) * 86400;
  if (p.has_time) local += p.time.hour * 3600 + p.time.minute * 60 + p.time.second;
  int offset = 0;
  std::string zone;
  if (p.has_offset) {
    offset = p.offset_minutes;
    if (p.utc) zone = "UTC";
  } else if (rule == ZoneRule::kCentralEurope) {
    offset = brussels_offset_for_local(local);
    zone = std::string(zone_name);
  } else {
    offset = 0;
    zone = "UTC";
  }
  article.timestamp = local - std::int64_t{offset} * 60;
  article.has_time = p.has_time;
  article.utc_offset_minutes = offset;
  article.time_zone = std::move(zone);
}

}  // namespace newsindex::internal
