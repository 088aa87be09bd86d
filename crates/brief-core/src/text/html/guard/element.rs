//! The elements the nesting guard knows by name, and how it classifies them: the sets
//! html5ever's tree builder consults (special, formatting, implied end tags, breaking out of
//! foreign content), which elements hold raw text, and which start a block of text.

/// Declares [`Element`], the elements the tree model treats specially, and [`element_named`].
macro_rules! elements {
    ($($t:ident = $name:literal),* $(,)?) => {
        /// An element the tree model knows by name (`Other` for the rest).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum Element { $($t,)* Other }

        /// The element a lowercase tag name names.
        pub(super) fn element_named(name: &[u8]) -> Element {
            match name { $($name => Element::$t,)* _ => Element::Other }
        }
    };
}

elements! {
    A = b"a", Address = b"address", AnnotationXml = b"annotation-xml", Applet = b"applet",
    Area = b"area", Article = b"article", Aside = b"aside", B = b"b", Base = b"base",
    Basefont = b"basefont", Bgsound = b"bgsound", Big = b"big", Blockquote = b"blockquote",
    Body = b"body", Br = b"br", Button = b"button", Caption = b"caption", Center = b"center",
    Code = b"code", Col = b"col", Colgroup = b"colgroup", Dd = b"dd", Desc = b"desc",
    Details = b"details", Dialog = b"dialog", Dir = b"dir", Div = b"div", Dl = b"dl", Dt = b"dt",
    Em = b"em", Embed = b"embed", Fieldset = b"fieldset", Figcaption = b"figcaption",
    Figure = b"figure", Font = b"font", Footer = b"footer", ForeignObject = b"foreignobject",
    Form = b"form", Frame = b"frame", Frameset = b"frameset", H1 = b"h1", H2 = b"h2",
    H3 = b"h3", H4 = b"h4", H5 = b"h5", H6 = b"h6", Head = b"head", Header = b"header",
    Hgroup = b"hgroup", Hr = b"hr", Html = b"html", I = b"i", Iframe = b"iframe",
    Image = b"image", Img = b"img", Input = b"input", Isindex = b"isindex", Keygen = b"keygen",
    Li = b"li", Link = b"link", Listing = b"listing", Main = b"main", Malignmark = b"malignmark",
    Marquee = b"marquee", Math = b"math", Menu = b"menu", Meta = b"meta", Mglyph = b"mglyph",
    Mi = b"mi", Mn = b"mn", Mo = b"mo", Ms = b"ms", Mtext = b"mtext", Nav = b"nav",
    Nobr = b"nobr", Noembed = b"noembed", Noframes = b"noframes", Noscript = b"noscript",
    Object = b"object", Ol = b"ol", Optgroup = b"optgroup", Option = b"option", P = b"p",
    Param = b"param", Plaintext = b"plaintext", Pre = b"pre", Rb = b"rb", Rp = b"rp", Rt = b"rt",
    Rtc = b"rtc", Ruby = b"ruby", S = b"s", Script = b"script", Search = b"search",
    Section = b"section", Select = b"select", Small = b"small", Source = b"source", Span = b"span",
    Strike = b"strike", Strong = b"strong", Style = b"style", Sub = b"sub", Summary = b"summary",
    Sup = b"sup", Svg = b"svg", Table = b"table", Tbody = b"tbody", Td = b"td",
    Template = b"template", Textarea = b"textarea", Tfoot = b"tfoot", Th = b"th", Thead = b"thead",
    Title = b"title", Tr = b"tr", Track = b"track", Tt = b"tt", U = b"u", Ul = b"ul", Var = b"var",
    Wbr = b"wbr", Xmp = b"xmp",
}

impl Element {
    /// h1-h6.
    pub(super) fn is_heading(self) -> bool {
        matches!(
            self,
            Element::H1 | Element::H2 | Element::H3 | Element::H4 | Element::H5 | Element::H6
        )
    }

    /// The formatting elements (tracked in the list of active formatting elements).
    pub(super) fn is_formatting(self) -> bool {
        use Element::*;
        matches!(
            self,
            A | B | Big | Code | Em | Font | I | Nobr | S | Small | Strike | Strong | Tt | U
        )
    }

    /// html5ever's `special_tag` set.
    pub(super) fn is_special(self) -> bool {
        use Element::*;
        self.is_heading()
            || matches!(
                self,
                Address
                    | Applet
                    | Area
                    | Article
                    | Aside
                    | Base
                    | Basefont
                    | Bgsound
                    | Blockquote
                    | Body
                    | Br
                    | Button
                    | Caption
                    | Center
                    | Col
                    | Colgroup
                    | Dd
                    | Details
                    | Dir
                    | Div
                    | Dl
                    | Dt
                    | Embed
                    | Fieldset
                    | Figcaption
                    | Figure
                    | Footer
                    | Form
                    | Frame
                    | Frameset
                    | Head
                    | Header
                    | Hgroup
                    | Hr
                    | Html
                    | Iframe
                    | Img
                    | Input
                    | Isindex
                    | Li
                    | Link
                    | Listing
                    | Main
                    | Marquee
                    | Menu
                    | Meta
                    | Nav
                    | Noembed
                    | Noframes
                    | Noscript
                    | Object
                    | Ol
                    | P
                    | Param
                    | Plaintext
                    | Pre
                    | Script
                    | Section
                    | Select
                    | Source
                    | Style
                    | Summary
                    | Table
                    | Tbody
                    | Td
                    | Template
                    | Textarea
                    | Tfoot
                    | Th
                    | Thead
                    | Title
                    | Tr
                    | Track
                    | Ul
                    | Wbr
                    | Xmp
            )
    }

    /// Elements popped by "generate implied end tags".
    pub(super) fn has_implied_end(self) -> bool {
        use Element::*;
        matches!(
            self,
            Dd | Dt | Li | Optgroup | Option | P | Rb | Rp | Rt | Rtc
        )
    }

    /// Start tags that break out of SVG and MathML content (`<font>` only with attributes).
    pub(super) fn breaks_out_of_foreign(self) -> bool {
        use Element::*;
        self.is_heading()
            || matches!(
                self,
                B | Big
                    | Blockquote
                    | Body
                    | Br
                    | Center
                    | Code
                    | Dd
                    | Div
                    | Dl
                    | Dt
                    | Em
                    | Embed
                    | Head
                    | Hr
                    | I
                    | Img
                    | Li
                    | Listing
                    | Menu
                    | Meta
                    | Nobr
                    | Ol
                    | P
                    | Pre
                    | Ruby
                    | S
                    | Small
                    | Span
                    | Strong
                    | Strike
                    | Sub
                    | Sup
                    | Table
                    | Tt
                    | U
                    | Ul
                    | Var
            )
    }
}

/// Whether an element starts a new block of text (for [`super::Flattened`]).
pub(super) fn is_block(t: Element) -> bool {
    use Element::*;
    t.is_heading()
        || matches!(
            t,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | Header
                | Hgroup
                | Hr
                | Html
                | Li
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Tbody
                | Td
                | Tfoot
                | Th
                | Thead
                | Tr
                | Ul
        )
}

/// How the tokenizer reads an element's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Raw {
    /// `<script>`: raw text with the script escape states.
    Script,
    /// Raw text or RCDATA up to the matching end tag (`<style>`, `<title>`, ...).
    Text,
    /// `<plaintext>`: everything to the end of the page.
    Plaintext,
}

/// How an element's content is read when it is inserted as an HTML element.
pub(super) fn raw_text(t: Element) -> Option<Raw> {
    match t {
        Element::Script => Some(Raw::Script),
        Element::Style
        | Element::Xmp
        | Element::Iframe
        | Element::Noembed
        | Element::Noframes
        | Element::Title
        | Element::Textarea => Some(Raw::Text),
        Element::Plaintext => Some(Raw::Plaintext),
        _ => None,
    }
}
