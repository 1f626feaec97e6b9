package constants
const ChecksumJPI = "ab74ff17fbcbd8314bb734ba71e002d2829cd5cf33d7139cb890ef5dd2709c20"
const ChecksumODW = "7fc52ee757adb78d17d9e77d939192d074c25c52f4726a85b6a0db99a2ca38a6"
const ChecksumPLZ = "01f2e07262d03197aca8f7c1e8024d5e8de4aa9e1f676b72e728bfd89cd6a685"
const ChecksumJOY = "6d176d43b41355dd1f085439f66f31a955fc56b8b11c389bae4423e6df7ff74e"
var ColorPaletteDU = []string{"#018d46", "#0c9a81", "#9313a9"}
var ColorPaletteIP = []string{"#f40f86", "#b06e20", "#d6f8dd"}
var ColorPaletteMP = []string{"#5853a1", "#57f420", "#937673"}
var ColorPaletteQA = []string{"#b6bdc4", "#d05fc5", "#79d675"}
