//! Clock times and parts of day: "16:08 UTC", "6:40 p.m.", "noon".

use super::*;

impl Parser<'_> {
    /// Clock times: "16:08 UTC", "6:40 p.m.", "10 a.m.", "noon", "0800 UTC", "03:00hrs".
    pub(super) fn clock(&self, i: usize) -> M {
        let w = self.w(i);
        if w == "noon" || w == "midday" {
            return Some((i + 1, Sem::Clock { h: 12, m: 0, utc: false, day: None }));
        }
        if w == "midnight" {
            return Some((i + 1, Sem::Clock { h: 0, m: 0, utc: false, day: None }));
        }
        let h = self.num(i)?;
        let mut e = i + 1;
        let mut m = 0;
        let mut has_minutes = false;
        if self.punct(e, ":") && self.tight(e) && self.num_len(e + 1) == 2 && self.tight(e + 1) {
            m = self.num(e + 1)?;
            e += 2;
            has_minutes = true;
            // Seconds.
            if self.punct(e, ":") && self.num_len(e + 1) == 2 && self.tight(e) {
                e += 2;
            }
        } else if self.punct(e, ".") && self.tight(e) && self.num_len(e + 1) == 2 && self.tight(e + 1) {
            // "6.30 pm": only with a meridiem.
            let k = e + 2;
            if self.meridiem(k).is_some() {
                m = self.num(e + 1)?;
                e = k;
                has_minutes = true;
            }
        } else if self.num_len(i) == 4 {
            // "0800 UTC", "1430 GMT", "0300 hours".
            let next = self.w(e);
            if lexicon::is_zone(next) && self.cap(e) || next == "hours" || next == "hrs" && self.tight(e) {
                let v = self.num(i)?;
                let (hh, mm) = (v / 100, v % 100);
                if hh < 24 && mm < 60 {
                    let utc = matches!(next, "utc" | "gmt" | "z");
                    return Some((e + 1, Sem::Clock { h: hh, m: mm, utc, day: None }));
                }
            }
            return None;
        }
        let mut pm = None;
        if let Some((k, is_pm)) = self.meridiem(e) {
            pm = Some(is_pm);
            e = k;
        } else if !has_minutes {
            // "10 o'clock".
            if self.w(e) == "o" && self.punct(e + 1, "'") && self.w(e + 2) == "clock" {
                e += 3;
            } else {
                return None;
            }
        }
        if h > 24 || m > 59 || self.num_len(i) > 2 {
            return None;
        }
        let mut h = h;
        match pm {
            Some(true) if h < 12 => h += 12,
            Some(false) if h == 12 => h = 0,
            _ => {}
        }
        let mut utc = false;
        if lexicon::is_zone(self.w(e)) && (self.cap(e) || self.w(e) == "hrs") {
            utc = matches!(self.w(e), "utc" | "gmt" | "z");
            e += 1;
        } else if self.w(e) == "hrs" || self.w(e) == "hours" && has_minutes {
            e += 1;
        }
        // Minutes without meridiem or zone: only as a clock "14:30" (not "3:1" scores).
        if pm.is_none() && !utc && has_minutes && self.num_len(i) == 1 && !self.w(e).contains("local") {
            // "5:30" alone is weak evidence; accept when followed by a time word.
            if !matches!(self.w(e), "local" | "am" | "pm" | "time")
                && !matches!(self.w(i.saturating_sub(1)), "at" | "by" | "until" | "from")
            {
                return None;
            }
        }
        if pm.is_none()
            && !utc
            && has_minutes
            && !matches!(
                self.w(i.saturating_sub(1)),
                "at" | "by" | "until" | "from" | "around" | "about" | "after" | "before"
            )
            && !self.w(e).contains("local")
            && self.w(e) != "hrs"
        {
            // A ratio or a score, not a clock.
            if self.s(e.saturating_sub(1)) != "hrs" {
                return None;
            }
        }
        Some((e, Sem::Clock { h, m, utc, day: None }))
    }

    /// "a.m.", "am", "p.m.", "pm", "PM".
    pub(super) fn meridiem(&self, e: usize) -> Option<(usize, bool)> {
        let w = self.w(e);
        match w {
            "am" | "pm" => Some((e + 1, w == "pm")),
            "a" | "p" if self.punct(e + 1, ".") && self.w(e + 2) == "m" => {
                let mut k = e + 3;
                if self.punct(k, ".") && self.tight(k) {
                    k += 1;
                }
                Some((k, w == "p"))
            }
            _ => None,
        }
    }
}
