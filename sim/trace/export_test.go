package trace

// PcapMSS is the largest TCP payload of a capture segment, for the
// external tests.
const PcapMSS = pcapMSS
