//! GFM tables as Typst tables whose columns fit the page.
//!
//! Typst sizes `auto` columns to their content, so a table with one long column runs off
//! the page. bcop measures each column's text and gives long columns fractions of the
//! width, in proportion to their content, while short ones keep their natural width.

use pulldown_cmark::Alignment;

use super::fonts::is_cjk;

/// Characters (at the table's font size) that fit in one line of the text width.
const LINE: usize = 90;
/// A column whose longest cell is at most this wide keeps its natural width.
const SHORT: usize = 14;

#[derive(Debug, Default)]
pub(crate) struct TableState {
    pub alignments: Vec<Alignment>,
    /// Rows of cells: the cell's markup and the width of its text.
    rows: Vec<Vec<(String, usize)>>,
    has_header: bool,
    /// Where the current cell's markup starts in the converter's output.
    pub cell_start: usize,
    pub cell_width: usize,
    /// Its caption: the label ("Table 2") and the caption's markup.
    pub caption: Option<(String, String)>,
}

impl TableState {
    pub fn new(alignments: Vec<Alignment>) -> Self {
        Self {
            alignments,
            ..Self::default()
        }
    }

    pub fn start_row(&mut self, header: bool) {
        self.has_header |= header;
        self.rows.push(Vec::new());
    }

    pub fn add_cell(&mut self, markup: String) {
        let width = std::mem::take(&mut self.cell_width);
        if let Some(row) = self.rows.last_mut() {
            row.push((markup.trim().to_string(), width));
        }
    }

    /// The text's width in Latin characters: CJK characters are about two wide.
    pub fn measure(&mut self, text: &str) {
        self.cell_width += text
            .chars()
            .map(|c| if is_cjk(c) { 2 } else { 1 })
            .sum::<usize>();
    }

    /// `#bcop-table(..)` with the whole table.
    pub fn finish(self) -> String {
        let ncols = self
            .alignments
            .len()
            .max(self.rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let widths: Vec<usize> = (0..ncols)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c).map(|cell| cell.1))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let total: usize = widths.iter().map(|w| w + 2).sum();
        let wide = ncols >= 5 || total > LINE * 3 / 2;
        let caption = match &self.caption {
            Some((label, markup)) => format!(
                "(label: {}, body: [{markup}])",
                super::escape::string(label)
            ),
            None => "none".to_string(),
        };
        let mut out = format!(
            "#bcop-table(wide: {wide}, caption: {caption}, table(\n  columns: {},\n  align: {},\n",
            columns(&widths, total),
            aligns(&self.alignments, ncols)
        );
        for (i, row) in self.rows.iter().enumerate() {
            let header = i == 0 && self.has_header;
            out.push_str(if header { "  table.header(" } else { "  " });
            for c in 0..ncols {
                out.push('[');
                out.push_str(row.get(c).map_or("", |cell| cell.0.as_str()));
                out.push_str("], ");
            }
            out.push_str(if header { "),\n" } else { "\n" });
        }
        out.push_str("));\n\n");
        out
    }
}

/// Natural widths when the table fits; otherwise fractions for the long columns. With many
/// columns even short ones share, or the natural widths alone would overflow.
fn columns(widths: &[usize], total: usize) -> String {
    let many = widths.len() >= 7;
    let specs: Vec<String> = widths
        .iter()
        .map(|&w| {
            if total <= LINE || (!many && w <= SHORT) {
                "auto".to_string()
            } else {
                format!("{}fr", w.clamp(4, 60))
            }
        })
        .collect();
    format!("({},)", specs.join(", "))
}

fn aligns(alignments: &[Alignment], ncols: usize) -> String {
    let specs: Vec<&str> = (0..ncols)
        .map(|c| match alignments.get(c) {
            Some(Alignment::Left) => "left",
            Some(Alignment::Center) => "center",
            Some(Alignment::Right) => "right",
            _ => "auto",
        })
        .collect();
    format!("({},)", specs.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(cells: &[&[&str]]) -> String {
        let mut t = TableState::new(vec![Alignment::None; cells[0].len()]);
        for (i, row) in cells.iter().enumerate() {
            t.start_row(i == 0);
            for cell in *row {
                t.measure(cell);
                t.add_cell(cell.to_string());
            }
        }
        t.finish()
    }

    #[test]
    fn narrow_tables_keep_natural_column_widths() {
        let out = table(&[&["ID", "Level"], &["A-1", "L1"]]);
        assert!(out.contains("columns: (auto, auto,)"), "{out}");
        assert!(out.contains("table.header([ID], [Level], ),"), "{out}");
        assert!(out.contains("wide: false"));
    }

    #[test]
    fn long_columns_get_fractions_so_the_table_fits_the_page() {
        let long = "word ".repeat(30);
        let out = table(&[
            &["ID", "Requirement", "Notes"],
            &["A-1", &long, &long[..60]],
        ]);
        assert!(out.contains("columns: (auto, 60fr, 60fr,)"), "{out}");
    }

    #[test]
    fn rows_are_padded_to_the_column_count() {
        let out = table(&[&["a", "b"], &["1"]]);
        assert!(out.contains("  [1], [], \n"), "{out}");
    }
}
