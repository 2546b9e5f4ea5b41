package main

import (
	"net/http"

	"mqttviz/docs"
	"mqttviz/internal/docsite"
)

// addDocs adds the documentation site (internal/docsite: /docs/, the
// pages of docs/*.md in both languages, the lesson catalogue, the
// screenshots they show) to the assets of a site served under base ("/"
// or "/sub/"). static writes them as files and serve answers with them;
// added before addOfflineWorker, they are kept for offline use too.
func addDocs(assets map[string]*asset, base string) error {
	files, err := docsite.Build(docs.Files, base)
	if err != nil {
		return err
	}
	for p, f := range files {
		assets[p] = newAsset(http.StatusOK, f.ContentType, f.Body)
	}
	return nil
}
