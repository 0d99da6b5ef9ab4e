// zzgzn browser form: builds the form from the plan's data, keeps a draft in localStorage and
// writes the submission YAML. No library, nothing from the network.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("zzgzn-data").textContent);
  const form = document.getElementById("form");
  const storeKey = "zzgzn:" + data.plan_id + ":" + data.unit + ":" + data.quarter;

  // --- YAML: every string double-quoted (JSON strings are YAML), so nothing is guessed ---
  function q(text) {
    return JSON.stringify(String(text)).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }
  function num(text) {
    const n = Number(text);
    return Number.isFinite(n) ? String(n) : q(text);
  }
  function toYaml(s) {
    const out = [];
    out.push("# yaml-language-server: $schema=../../schemas/submission.schema.json");
    out.push("# " + data.unit_name + " " + data.quarter_label + "（由浏览器填报页生成）");
    out.push("unit: " + data.unit);
    out.push(data.period_key + ": " + data.quarter);
    out.push("plan_version: " + q(data.plan_version));
    out.push("submitted_on: " + s.submitted_on);
    out.push("liaison:");
    out.push("  name: " + q(s.liaison_name));
    out.push("  phone: " + q(s.liaison_phone));
    out.push("summary: " + q(s.summary));
    out.push("tasks:");
    for (const t of s.tasks) {
      out.push("  - task: " + q(t.task));
      out.push("    status: " + t.status);
      out.push("    narrative: " + q(t.narrative));
      for (const key of ["measures", "problems", "next_steps"]) {
        out.push("    " + key + ":" + (t[key].length ? "" : " []"));
        for (const item of t[key]) out.push("      - " + q(item));
      }
      out.push("    metrics:" + (t.metrics.length ? "" : " []"));
      for (const m of t.metrics) {
        out.push("      - name: " + q(m.name));
        out.push("        value: " + num(m.value));
        out.push("        unit: " + q(m.unit));
      }
      out.push("    cases:" + (t.cases.length ? "" : " []"));
      for (const c of t.cases) {
        out.push("      - title: " + q(c.title));
        out.push("        summary: " + q(c.summary));
      }
      if (t.deliverables.length) {
        out.push("    deliverables:");
        for (const d of t.deliverables) {
          out.push("      - id: " + d.id);
          out.push("        status: " + d.status);
          out.push("        note: " + q(d.note));
        }
      }
    }
    out.push("filled_by: {name: " + q(s.filled_by.name) + ", post: " + q(s.filled_by.post) + "}");
    if (s.approved_by.name || s.approved_by.post) {
      out.push("approved_by: {name: " + q(s.approved_by.name) + ", post: " + q(s.approved_by.post) + "}");
    }
    return out.join("\n") + "\n";
  }
  window.zzgznYaml = toYaml; // for tests

  // --- building the form -----------------------------------------------------------------
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === true) node.setAttribute(k, "");
      else if (v !== false && v !== null && v !== undefined) node.setAttribute(k, v);
    }
    for (const c of children || []) node.append(c);
    return node;
  }
  function field(label, input, hint) {
    return el("label", { class: "field" }, [
      el("span", { class: input.required ? "label required" : "label" }, [label]),
      input,
      hint ? el("small", {}, [hint]) : "",
    ]);
  }
  function text(name, opts) {
    const o = opts || {};
    const input = el(o.long ? "textarea" : "input", {
      name: name, required: !!o.required, rows: o.long ? 4 : null, type: o.long ? null : "text",
    });
    return input;
  }
  function statusSelect(name, required) {
    const s = el("select", { name: name, required: required });
    s.append(el("option", { value: "" }, ["（请选择）"]));
    for (const st of data.statuses) s.append(el("option", { value: st.key }, [st.label]));
    return s;
  }
  function list(prefix, count, label) {
    const box = el("div", { class: "list" }, [el("span", { class: "label" }, [label + "（每行一条，可留空）"])]);
    for (let i = 0; i < count; i++) box.append(text(prefix + "." + i));
    return box;
  }

  const info = el("fieldset", {}, [el("legend", {}, ["基本信息"])]);
  const day = el("input", {
    type: "date", name: "submitted_on", required: true, min: data.date_min, max: data.date_max,
  });
  const today = new Date().toISOString().slice(0, 10);
  if (today >= data.date_min && today < data.date_max) day.max = today; // never a future date
  info.append(field("报送日期", day, "年-月-日，" + data.date_min + " 至 " + day.max));
  info.append(field("联络员", Object.assign(text("liaison_name", { required: true }), { value: data.liaison.name })));
  info.append(field("联络员电话", Object.assign(text("liaison_phone", { required: true }), { value: data.liaison.phone })));
  info.append(field(data.this_period + "总体情况（可选）", text("summary", { long: true })));
  info.append(field("填报人", text("filled_by.name", { required: true })));
  info.append(field("填报人职务", text("filled_by.post", { required: true })));
  info.append(field("审核人（单位负责人审核后填写）", text("approved_by.name")));
  info.append(field("审核人职务", text("approved_by.post")));
  form.append(info);

  for (const task of data.tasks) {
    const p = "t" + task.id;
    const box = el("fieldset", { class: "task", "data-task": task.id }, [
      el("legend", {}, [task.id + " " + task.title]),
      el("p", { class: "meta" }, ["牵头：" + task.lead + (task.role ? "；本单位：" + task.role : "")]),
    ]);
    const body = el("div", { class: "task-body" });
    if (data.district) {
      const take = el("input", { type: "checkbox", name: p + ".reported" });
      box.append(el("label", { class: "take" }, [take, " " + data.this_period + "填报这项任务"]));
      const sync = () => {
        body.hidden = !take.checked;
        for (const n of body.querySelectorAll("[data-required]")) n.required = take.checked;
      };
      take.addEventListener("change", sync);
      box.syncTake = sync;
    }
    const st = statusSelect(p + ".status", true);
    const nar = text(p + ".narrative", { required: true, long: true });
    for (const n of [st, nar]) n.setAttribute("data-required", "");
    body.append(field("状态", st), field("进展情况", nar, data.this_period + "做了什么、成效如何"));
    body.append(list(p + ".measures", 3, "采取的措施"));
    const metrics = el("div", { class: "list" }, [el("span", { class: "label" }, ["数据（名称、数值、单位；不涉及留空）"])]);
    const rows = task.metrics.map((m) => ({ name: m.name, unit: m.unit, fixed: true })).concat([{}, {}]);
    rows.forEach((m, i) => {
      const name = Object.assign(text(p + ".metrics." + i + ".name"), { value: m.name || "", readOnly: !!m.fixed });
      const value = el("input", { type: "number", step: "any", name: p + ".metrics." + i + ".value", "aria-label": "数值" });
      const unit = Object.assign(text(p + ".metrics." + i + ".unit"), { value: m.unit || "", readOnly: !!m.fixed });
      metrics.append(el("div", { class: "row3" }, [name, value, unit]));
    });
    body.append(metrics);
    const cases = el("div", { class: "list" }, [el("span", { class: "label" }, ["典型案例（标题、做法和成效；可留空）"])]);
    for (let i = 0; i < 2; i++) {
      cases.append(el("div", { class: "row2" }, [text(p + ".cases." + i + ".title"), text(p + ".cases." + i + ".summary", { long: true })]));
    }
    body.append(cases);
    task.deliverables.forEach((d, i) => {
      body.append(field("成果：" + d.name, statusSelect(p + ".deliverables." + i + ".status", false)));
      body.append(field("成果说明", text(p + ".deliverables." + i + ".note")));
    });
    body.append(list(p + ".problems", 2, "存在的问题"));
    body.append(list(p + ".next_steps", 2, "下一步打算"));
    box.append(body);
    form.append(box);
  }

  // --- the draft -------------------------------------------------------------------------
  function controls() {
    return Array.from(form.querySelectorAll("input[name], select[name], textarea[name]"));
  }
  function save() {
    const state = {};
    for (const c of controls()) state[c.name] = c.type === "checkbox" ? c.checked : c.value;
    localStorage.setItem(storeKey, JSON.stringify(state));
    document.getElementById("draft").textContent = "草稿已保存在本浏览器（" + new Date().toLocaleTimeString() + "）";
  }
  function restore() {
    const raw = localStorage.getItem(storeKey);
    if (!raw) return;
    const state = JSON.parse(raw);
    for (const c of controls()) {
      if (!(c.name in state) || c.readOnly) continue;
      if (c.type === "checkbox") c.checked = !!state[c.name];
      else c.value = state[c.name];
    }
    document.getElementById("draft").textContent = "已恢复本浏览器中的草稿";
  }
  restore();
  for (const box of form.querySelectorAll("fieldset.task")) if (box.syncTake) box.syncTake();
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  window.addEventListener("pagehide", save); // the last keystroke is kept when the page goes

  // --- collecting and writing --------------------------------------------------------------
  function v(name) {
    const c = form.elements.namedItem(name);
    return c ? c.value.trim() : "";
  }
  function collect() {
    const s = {
      submitted_on: v("submitted_on"), liaison_name: v("liaison_name"), liaison_phone: v("liaison_phone"),
      summary: v("summary"), tasks: [],
      filled_by: { name: v("filled_by.name"), post: v("filled_by.post") },
      approved_by: { name: v("approved_by.name"), post: v("approved_by.post") },
    };
    for (const task of data.tasks) {
      const p = "t" + task.id;
      if (data.district && !form.elements.namedItem(p + ".reported").checked) continue;
      const t = { task: task.id, status: v(p + ".status"), narrative: v(p + ".narrative"), metrics: [], cases: [], deliverables: [] };
      for (const key of ["measures", "problems", "next_steps"]) {
        t[key] = controls().filter((c) => c.name.startsWith(p + "." + key + ".")).map((c) => c.value.trim()).filter(Boolean);
      }
      for (let i = 0; form.elements.namedItem(p + ".metrics." + i + ".name"); i++) {
        const m = { name: v(p + ".metrics." + i + ".name"), value: v(p + ".metrics." + i + ".value"), unit: v(p + ".metrics." + i + ".unit") };
        if (m.value !== "") t.metrics.push(m);
      }
      for (let i = 0; form.elements.namedItem(p + ".cases." + i + ".title"); i++) {
        const c = { title: v(p + ".cases." + i + ".title"), summary: v(p + ".cases." + i + ".summary") };
        if (c.title || c.summary) t.cases.push(c);
      }
      task.deliverables.forEach((d, i) => {
        const status = v(p + ".deliverables." + i + ".status");
        if (status) t.deliverables.push({ id: d.id, status: status, note: v(p + ".deliverables." + i + ".note") });
      });
      s.tasks.push(t);
    }
    return s;
  }

  const output = document.getElementById("yaml");
  const message = document.getElementById("message");
  const forge = document.getElementById("forge");
  function produce() {
    message.textContent = "";
    if (!form.reportValidity()) {
      message.textContent = "还有必填项没有填写或填写不对，已在页面上标出。";
      return null;
    }
    const s = collect();
    if (!s.tasks.length) {
      message.textContent = "至少填报一项任务。";
      return null;
    }
    const yaml = toYaml(s);
    output.textContent = yaml;
    document.getElementById("result").hidden = false;
    if (data.forge) {
      const url = data.forge.new_file + encodeURIComponent(yaml);
      if (url.length <= data.forge.max_url) {
        forge.href = url;
        forge.hidden = false;
        document.getElementById("upload").hidden = true;
      } else {
        forge.hidden = true;
        document.getElementById("upload").hidden = false;
      }
    }
    return yaml;
  }
  document.getElementById("make").addEventListener("click", produce);
  document.getElementById("copy").addEventListener("click", () => {
    const yaml = produce();
    if (yaml && navigator.clipboard) navigator.clipboard.writeText(yaml).then(() => { message.textContent = "已复制"; }, () => {});
  });
  document.getElementById("download").addEventListener("click", () => {
    const yaml = produce();
    if (!yaml) return;
    const a = el("a", { href: URL.createObjectURL(new Blob([yaml], { type: "text/yaml" })), download: data.unit + ".yaml" });
    document.body.append(a);
    a.click();
    a.remove();
  });
})();
