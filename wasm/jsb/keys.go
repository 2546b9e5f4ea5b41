package jsb

// OwnKeysAttr marks an element whose controls keep their keys: a key
// pressed on one of them is the control's, never a page shortcut's
// (KeyPress.OwnKeys).
const OwnKeysAttr = "data-own-keys"
