package jsb

// OpenedFile is a file the user chose or dropped: its name and size,
// and its bytes once read. Data is nil when the file is larger than the
// limit it was read with (TooLarge) or could not be read (Err).
type OpenedFile struct {
	Name     string
	Size     int64
	Data     []byte
	TooLarge bool
	Err      error
}
