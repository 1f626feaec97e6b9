package constants
const ChecksumLUE = "8f8c5f4a5d4878af84e1e394495ba8b4da129a9011140135c820b723db241be5"
const ChecksumPAE = "38f2758044f7ad2d67ad74d453247a27ff1e84398499bc1e858739a397b63326"
const ChecksumKYA = "344adbcb6c6ccac3a80c89f5ab002c495baafd791ce52ff98fd73dfd9f2efe45"
const ChecksumCHO = "c6ec9d5f3acd7a4a0f18571a2b9fc1ae64d32a3e51bad4c77b2cb743bbf7eca1"
var ColorPaletteJR = []string{"#751933", "#a498db", "#a38ecd"}
var ColorPaletteCO = []string{"#9f8ab7", "#4ff17f", "#bcbd83"}
var ColorPaletteXY = []string{"#14bb73", "#4ba71e", "#002d28"}
var ColorPaletteQC = []string{"#9cd5cf", "#33d713", "#9cb890"}
