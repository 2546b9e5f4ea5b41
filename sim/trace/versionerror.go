package trace

import (
	"fmt"
	"strconv"
)

// VersionError is a trace of a format version this package does not
// read. Got is the version the JSON names; 1 with Missing set when it has
// no "version" field (written before the field existed).
type VersionError struct {
	Got     int
	Missing bool
}

// Error says which version the trace is, which one is read, and what to
// do: the English of Text.
func (e *VersionError) Error() string { return "trace: " + e.Text().EN }

// Text says the same as Error, in English and Chinese.
func (e *VersionError) Text() Text {
	want := strconv.Itoa(Version)
	switch {
	case e.Missing:
		return Text{
			EN: fmt.Sprintf("the JSON has no \"version\": it is a version 1 trace (before mqttviz wrote format versions); this reader reads version %s: write the trace again with this mqttviz", want),
			ZH: fmt.Sprintf("这份 JSON 没有 \"version\" 字段：它是第 1 版轨迹（mqttviz 开始标注格式版本之前写的）；这里只能读取第 %s 版：请用当前的 mqttviz 重新生成这份轨迹", want),
		}
	case e.Got < Version:
		return Text{
			EN: fmt.Sprintf("format version %d is older than version %s that this reader reads: write the trace again with this mqttviz", e.Got, want),
			ZH: fmt.Sprintf("格式版本 %d 比这里能读取的第 %s 版旧：请用当前的 mqttviz 重新生成这份轨迹", e.Got, want),
		}
	}
	return Text{
		EN: fmt.Sprintf("format version %d is newer than version %s that this reader reads: open it with a newer mqttviz", e.Got, want),
		ZH: fmt.Sprintf("格式版本 %d 比这里能读取的第 %s 版新：请用更新版本的 mqttviz 打开", e.Got, want),
	}
}
