package trace

import "strconv"

// StartMillis reads Start, "2026-12-01T10:53:13.123Z" (RFC 3339 in UTC,
// the fraction optional, milliseconds kept), as milliseconds since the
// Unix epoch. ok is false when Start is empty or not of that form.
// sim/... may not use package time: this reads the one form the live
// sources write.
func (t *Trace) StartMillis() (ms int64, ok bool) {
	s := t.Start
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[len(s)-1] != 'Z' {
		return 0, false
	}
	var f [6]int64
	for i, at := range [6][2]int{{0, 4}, {5, 7}, {8, 10}, {11, 13}, {14, 16}, {17, 19}} {
		n, err := strconv.ParseUint(s[at[0]:at[1]], 10, 16)
		if err != nil {
			return 0, false
		}
		f[i] = int64(n)
	}
	y, mo, d, h, mi, sec := f[0], f[1], f[2], f[3], f[4], f[5]
	if y < 1970 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59 {
		return 0, false
	}
	var frac int64
	if rest := s[19 : len(s)-1]; rest != "" {
		if rest[0] != '.' || len(rest) < 2 {
			return 0, false
		}
		for i, c := range rest[1:] {
			if c < '0' || c > '9' {
				return 0, false
			}
			if i < 3 {
				frac = frac*10 + int64(c-'0')
			}
		}
		for n := len(rest) - 1; n < 3; n++ {
			frac *= 10
		}
	}
	return ((daysFromCivil(y, mo, d)*24+h)*60+mi)*60_000 + sec*1000 + frac, true
}

// daysIn is the number of days of month m of year y.
func daysIn(y, m int64) int64 {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is the number of days from 1970-01-01 to y-m-d in the
// Gregorian calendar, counting years from March so that the leap day
// comes last.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
